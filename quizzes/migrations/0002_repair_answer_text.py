"""Answers saved before the text check may hold lone surrogates or NUL: replace them with U+FFFD,
so the pages and the grading that read them work again."""

from django.db import migrations


def repair_answers(apps, schema_editor):
    from quizzes.textcheck import is_well_formed, repaired

    AttemptQuestion = apps.get_model("quizzes", "AttemptQuestion")
    broken = []
    for aq in AttemptQuestion.objects.exclude(response=None).only("pk", "response").iterator():
        if not is_well_formed(aq.response):
            aq.response = repaired(aq.response)
            broken.append(aq)
    AttemptQuestion.objects.bulk_update(broken, ["response"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0001_initial")]

    operations = [migrations.RunPython(repair_answers, migrations.RunPython.noop)]
