"""Invitations to represent a member wait for the invited person to accept them (nobody is
attached to an organisation by someone else). The membership secretary sees them and
withdraws pending ones."""

import cpe_network.lib.text
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from cpe_network.lib.roles import grant


def grant_secretary(apps, schema_editor):
    grant(apps, "Membership secretary", {"members": ["view_invitation", "delete_invitation"]})


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0009_clean_text_fields_with_limits'),
        ('members', '0004_secretary_reviews_applications'),
    ]

    operations = [
        migrations.CreateModel(
            name='Invitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, verbose_name='email address')),
                ('first_name', cpe_network.lib.text.CleanCharField(blank=True, max_length=150, verbose_name='first name')),
                ('last_name', cpe_network.lib.text.CleanCharField(blank=True, max_length=150, verbose_name='last name')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'French')], max_length=8, verbose_name='language')),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent')),
                ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='accepted')),
                ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='members.member', verbose_name='member')),
            ],
            options={
                'verbose_name': 'invitation',
                'verbose_name_plural': 'invitations',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.RunPython(grant_secretary, migrations.RunPython.noop),
    ]
