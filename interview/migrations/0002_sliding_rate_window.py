"""The rate limit counts per five-second slot (issue 18, finding 16): the fixed-minute rows go.

Their counts live a minute at most, so nothing is carried over.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interview", "0001_initial")]

    operations = [
        migrations.DeleteModel(name="RateWindow"),
        migrations.CreateModel(
            name="RateWindow",
            fields=[
                ("client", models.CharField(max_length=100, primary_key=True, serialize=False)),
                ("newest", models.BigIntegerField(db_index=True)),
                ("counts", models.JSONField(default=dict)),
            ],
        ),
    ]
