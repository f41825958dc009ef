from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.organisation.models import Unit, UnitKind
from dialogue.organisation.roles import Role


class UnitChoiceField(forms.ModelChoiceField):
    """A unit picked by id; the queryset is always the person's scope."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.kind.name})" if obj.kind_id else obj.name


class UnitForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=UnitKind.objects.all())
    parent = UnitChoiceField(
        label=_("Parent unit"), queryset=Unit.objects.none(), required=False, widget=forms.HiddenInput
    )
    name = forms.CharField(label=_("Full name"), max_length=255, help_text=_("E.g. Ban Dân vận Tỉnh ủy"))
    short_name = forms.CharField(label=_("Short name"), max_length=120, required=False)
    code = forms.CharField(
        label=_("Official code"),
        max_length=20,
        required=False,
        help_text=_("The code in the national list of administrative units, if any."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, parent_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parent_queryset


class UnitDissolveForm(forms.Form):
    on_date = forms.DateField(
        label=_("Dissolved or merged on"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})
    )


class PersonForm(forms.Form):
    username = forms.RegexField(
        label=_("Sign-in name"),
        regex=r"^[a-z0-9._-]{3,150}$",
        max_length=150,
        help_text=_("Lower-case letters without accents, digits and . _ -"),
        error_messages={"invalid": _("Use 3 or more lower-case letters without accents, digits or . _ -")},
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    organisation = UnitChoiceField(label=_("Works at"), queryset=Unit.objects.none(), widget=forms.HiddenInput)
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput(render_value=False), strip=False)

    def __init__(self, *args, unit_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = unit_queryset


class PersonUpdateForm(PersonForm):
    is_active = forms.BooleanField(label=_("Account active"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["username"]
        del self.fields["password"]


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    unit = UnitChoiceField(label=_("Over unit"), queryset=Unit.objects.none(), required=False, widget=forms.HiddenInput)
    whole_country = forms.BooleanField(label=_("Whole country (system administrator only)"), required=False)

    def __init__(self, *args, unit_queryset, allow_national: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_queryset
        if not allow_national:
            del self.fields["whole_country"]

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not data.get("whole_country"):
            self.add_error("unit", _("Choose the unit the role covers."))
        return data
