-- wrk script of bench/submission.py: POST the public petition form, each request with its
-- own submission key and telephone number (or one fixed key: the duplicate storm).
-- CSRF: the csrftoken cookie and the form field carry the same 32-character secret,
-- which Django accepts unmasked.
--
-- Environment: SUBMIT_PATH, CSRF_TOKEN, RUN_ID (8 hex digits, new for each run, so that
-- no two runs send the same key), FIXED_KEY (optional).

local path = os.getenv("SUBMIT_PATH")
local token = os.getenv("CSRF_TOKEN")
local fixed_key = os.getenv("FIXED_KEY")
local run_id = os.getenv("RUN_ID")
local threads = {}

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local fixed = "csrfmiddlewaretoken=" .. token
  .. "&name=" .. encode("Nguyễn Thị Lan")
  .. "&address=" .. encode("xóm Nà Đon, xã Cao Minh")
  .. "&email=&consent=on&notify_by=&website="
  .. "&content=" .. encode("Đề nghị sửa chữa cầu tràn thôn Nà Đon bị sạt lở sau mưa lớn, học sinh đi lại nguy hiểm, "
    .. "mùa mưa nước dâng cao không qua lại được.")
local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Cookie"] = "csrftoken=" .. token,
}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  counts = {}
end

function request()
  n = n + 1
  local key = fixed_key or string.format("%s-%04x-4000-8000-%012x", run_id, id, n)
  local phone = fixed_key and "0912345678" or string.format("09%08d", (id * 1000000 + n) % 100000000)
  local body = fixed .. "&submission_key=" .. key .. "&phone=" .. phone
  return wrk.format("POST", path, headers, body)
end

function response(status, hdrs, body)
  local s = tostring(status)
  counts[s] = (counts[s] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format('"%s": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests": %d, "duration_us": %d, "statuses": {%s}, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, table.concat(parts, ", "),
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
