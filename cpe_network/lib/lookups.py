"""`pk__in=[…]` with a number the database column cannot hold (a choice of topics posted
as "-9223372036854775809"): no row has it, so it is left out, as Django's own integer
lookups (`exact`, `gt`, …: IntegerFieldOverflow) treat such a number. Without this,
SQLite refuses to take the number at all (OverflowError), and a form that checks its
choices with `in` (ModelMultipleChoiceField) answers 500 instead of "Select a valid
choice". Registered in pages.apps."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            kind = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(kind)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
