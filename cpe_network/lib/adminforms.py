"""What the admin's forms share across apps."""

from django.db import models


class NamedFileInputsMixin:
    """Django's admin shows a file field as a group (its label is the group's legend,
    beside the current file and a "clear" box), which leaves the file input itself
    without a name for screen readers: it takes its field's label."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, models.FileField):
            field.widget.attrs["aria-label"] = field.label
        return field
