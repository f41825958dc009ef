"""`manage.py worker`: django-tasks-db's `db_worker` with the scheduler of periodic jobs.

Every option of db_worker works (`--batch`, `--interval`, `--max-tasks`, `--worker-id`,
`--queue-name`, `--reload`...). The scheduler runs in a thread beside the worker loop and
enqueues the reminder scan and the daily digest when their slot comes; with `--batch` it
ticks once before the queue is emptied. `--no-scheduler` leaves it out. Several workers
may run at once: each slot is enqueued once and each reminder is sent by one of them.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker, logger, valid_interval

from dialogue.reminders import scheduler


class SchedulingWorker(Worker):
    def __init__(self, *, schedule: bool, schedule_interval: float, **options):
        super().__init__(**options)
        self.schedule = schedule
        self.schedule_interval = schedule_interval
        self.scheduler_thread: scheduler.SchedulerThread | None = None

    def run(self) -> None:
        if self.schedule:
            if self.batch:
                for line in scheduler.tick():
                    logger.info("Enqueued %s", line)
            else:
                self.scheduler_thread = scheduler.SchedulerThread(self.schedule_interval)
                self.scheduler_thread.start()
        try:
            super().run()
        finally:
            if self.scheduler_thread is not None:
                self.scheduler_thread.stop()


class Command(DbWorkerCommand):
    help = "Run a database background worker with the scheduler of reminders and the daily digest"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="schedule",
            help="Do not enqueue periodic jobs (reminder scan, daily digest) from this worker.",
        )
        parser.add_argument(
            "--schedule-interval",
            default=60,
            type=valid_interval,
            help="Seconds between two looks at the schedule (default: %(default)r).",
        )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        schedule: bool = True,
        schedule_interval: float = 60,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("Warning: --reload and --batch cannot be specified together. Disabling autoreload.")
            reload = False
        worker = SchedulingWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            schedule=schedule,
            schedule_interval=schedule_interval,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
