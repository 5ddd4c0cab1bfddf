"""Seed the controlled vocabularies; coordinators can edit them afterwards."""

from django.db import migrations
from django.utils.text import slugify

VOCABULARIES = {
    "Theme": [
        ("Victim identification", "Spotting and identifying people who are exploited."),
        ("Victim support", "Care, safe accommodation and recovery for survivors."),
        ("Prevention", "Stopping exploitation before it starts."),
        (
            "Pursue and prosecution",
            "Disrupting, investigating and prosecuting offenders.",
        ),
        ("Partnership", "Agencies working together, sharing information and plans."),
        ("Training and awareness", "Helping staff and the public recognise the signs."),
        ("Supply chains", "Keeping forced labour out of what organisations buy."),
        (
            "Intelligence sharing",
            "Sharing information across forces, agencies and borders.",
        ),
    ],
    "ExploitationType": [
        ("Labour exploitation", "Forced or compulsory work, debt bondage."),
        ("Sexual exploitation", "Forced sex work and sexual abuse for gain."),
        (
            "Criminal exploitation",
            "Forced criminality, including county lines and cuckooing.",
        ),
        ("Domestic servitude", "Forced work in private households."),
        ("Child trafficking", "Moving or harbouring children to exploit them."),
        ("Organ harvesting", "Removing organs for sale."),
    ],
    "Sector": [
        ("Car washes", ""),
        ("Nail bars and beauty", ""),
        ("Construction", ""),
        ("Agriculture and food processing", ""),
        ("Hospitality", ""),
        ("Care work", ""),
        ("Financial services", ""),
        ("Homelessness services", ""),
        ("Transport and logistics", ""),
    ],
    "Audience": [
        ("Police", ""),
        ("Local authorities", ""),
        ("Health", ""),
        ("Charities and support services", ""),
        ("Businesses", ""),
        ("The public", ""),
    ],
    "RecognitionBadge": [
        (
            "Recognised by HMICFRS",
            "Highlighted by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services.",
        ),
        (
            "Shared nationally by the Independent Anti-Slavery Commissioner",
            "Named as good practice by the Independent Anti-Slavery Commissioner.",
        ),
        (
            "Adopted by another force area",
            "Taken up by a police force area other than the originator's.",
        ),
    ],
}


def seed(apps, schema_editor):
    for model_name, terms in VOCABULARIES.items():
        model = apps.get_model("best_practice", model_name)
        for order, (name, description) in enumerate(terms):
            model.objects.get_or_create(
                slug=slugify(name)[:80],
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": order,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("best_practice", "0002_practice_taxonomy_adoption")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
