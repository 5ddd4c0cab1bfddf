"""
Seed the glossary with the field's common terms.

Coordinators edit them in the admin afterwards; running this again (or
after edits) adds only the terms that are missing, and removing it undoes
nothing, so that coordinators' changes are never lost.
"""

from django.db import migrations
from django.utils.text import slugify

# (term, expansion, synonyms, definition)
TERMS = [
    (
        "NRM",
        "National Referral Mechanism",
        "",
        "The UK's process for identifying people who may be victims of "
        "trafficking or slavery and getting them support. A first responder "
        "makes the referral, with the person's consent if they are an adult.",
    ),
    (
        "DtN",
        "Duty to Notify",
        "",
        "The legal duty on police, councils and some other public bodies in "
        "England and Wales to tell the Home Office when they meet a possible "
        "adult victim who does not consent to an NRM referral.",
    ),
    (
        "GLAA",
        "Gangmasters and Labour Abuse Authority",
        "gangmasters authority",
        "The body that licenses labour providers in farming, food and "
        "shellfish work and investigates labour exploitation across the "
        "whole labour market.",
    ),
    (
        "NCA",
        "National Crime Agency",
        "",
        "The national law enforcement agency that leads on serious and "
        "organised crime, including trafficking networks that work across "
        "force areas and borders.",
    ),
    (
        "MSHT",
        "Modern Slavery and Human Trafficking",
        "HT/MS\nMS/HT",
        "The umbrella term for slavery, servitude, forced labour and human "
        "trafficking offences and the work to tackle them.",
    ),
    (
        "CSE",
        "Child Sexual Exploitation",
        "",
        "A form of child sexual abuse in which a child is manipulated or "
        "coerced into sexual activity in exchange for something they need "
        "or want, or for the benefit of the abuser.",
    ),
    (
        "CCE",
        "Child Criminal Exploitation",
        "",
        "When a person or group uses a child to commit crime for them, such "
        "as carrying drugs or money, often through grooming, debt or threats.",
    ),
    (
        "county lines",
        "",
        "drug lines\ndeal line",
        "Drug dealing in which urban gangs send drugs to smaller towns using a "
        "dedicated phone line, and exploit children and vulnerable adults to "
        "carry and store them.",
    ),
    (
        "cuckooing",
        "",
        "home takeover\nproperty takeover",
        "When criminals take over the home of a vulnerable person, often to "
        "deal or store drugs, by befriending, pressuring or threatening them.",
    ),
    (
        "SPOC",
        "Single Point of Contact",
        "",
        "The named person in an organisation or force whom partners contact "
        "about modern slavery cases, referrals and advice.",
    ),
    (
        "IASC",
        "Independent Anti-Slavery Commissioner",
        "anti-slavery commissioner",
        "The independent office set up by the Modern Slavery Act to encourage "
        "good practice in preventing, detecting and prosecuting slavery and "
        "in identifying victims.",
    ),
    (
        "OPCC",
        "Office of the Police and Crime Commissioner",
        "",
        "The staff who support a Police and Crime Commissioner: they "
        "commission victim services, run partnerships and hold funding.",
    ),
    (
        "PCC",
        "Police and Crime Commissioner",
        "",
        "The elected person who sets a police force's priorities in a police "
        "and crime plan, holds the chief constable to account and funds "
        "services for victims.",
    ),
    (
        "HMICFRS",
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        "HMIC\ninspectorate of constabulary",
        "The independent inspectorate of police forces and fire services in "
        "England and Wales; its 2017 inspection 'Stolen freedom' looked at the "
        "policing of modern slavery.",
    ),
    (
        "first responder",
        "",
        "first responder organisation\nFRO",
        "An organisation allowed to refer a possible victim into the NRM, "
        "such as the police, councils, the NCA, the GLAA and some charities.",
    ),
    (
        "reasonable grounds",
        "",
        "reasonable grounds decision\nRG decision",
        "The first NRM decision: whether there are reasonable grounds to "
        "believe the person is a victim. A positive decision opens a period "
        "of support and protection.",
    ),
    (
        "conclusive grounds",
        "",
        "conclusive grounds decision\nCG decision",
        "The final NRM decision on whether, on the balance of probabilities, "
        "the person is a victim of modern slavery.",
    ),
    (
        "SCA",
        "Single Competent Authority",
        "",
        "The Home Office unit that makes NRM decisions for most referrals.",
    ),
    (
        "MSPTP",
        "Modern Slavery Police Transformation Programme",
        "MS PTP\npolice transformation programme",
        "The national programme, funded from the Police Transformation Fund, "
        "that gives forces training, guidance and analysis to improve their "
        "response to modern slavery.",
    ),
    (
        "PTF",
        "Police Transformation Fund",
        "",
        "Home Office money for projects that change how policing works; it "
        "funded the Modern Slavery Police Transformation Programme.",
    ),
    (
        "APCC",
        "Association of Police and Crime Commissioners",
        "",
        "The body that supports PCCs in England and Wales and speaks for them "
        "nationally, with portfolio leads on subjects such as modern slavery.",
    ),
    (
        "NPCC",
        "National Police Chiefs' Council",
        "",
        "The body that brings chief constables together to agree national "
        "policing approaches; it has a national lead for modern slavery.",
    ),
    (
        "NATMSN",
        "National Anti-Trafficking and Modern Slavery Network",
        "national network",
        "The network of Police and Crime Commissioners set up in 2016 to "
        "share best practice and take a consistent, victim-focused approach "
        "to modern slavery.",
    ),
    (
        "WYATMSN",
        "West Yorkshire Anti-Trafficking and Modern Slavery Network",
        "West Yorkshire network",
        "The regional partnership set up in 2014 to coordinate work across "
        "West Yorkshire, train staff, raise awareness and support victims.",
    ),
    (
        "MSA",
        "Modern Slavery Act",
        "Modern Slavery Act 2015",
        "The 2015 law for England and Wales that brought slavery and "
        "trafficking offences together, created prevention orders, the "
        "statutory defence and the Anti-Slavery Commissioner.",
    ),
    (
        "STPO",
        "Slavery and Trafficking Prevention Order",
        "prevention order",
        "A court order that restricts what a person convicted of, or "
        "suspected of, slavery or trafficking may do, to prevent further harm.",
    ),
    (
        "STRO",
        "Slavery and Trafficking Risk Order",
        "risk order",
        "A court order, made without a conviction, restricting a person who "
        "poses a risk of committing slavery or trafficking offences.",
    ),
    (
        "NGO",
        "Non-Governmental Organisation",
        "third sector organisation\nvoluntary organisation",
        "A charity or voluntary organisation independent of government; many "
        "support survivors or raise awareness.",
    ),
    (
        "OCG",
        "Organised Crime Group",
        "organised crime gang",
        "A group of people working together over time to commit serious "
        "crime for profit; trafficking is often one of several of its crimes.",
    ),
    (
        "MDS",
        "Modern Day Slavery",
        "modern-day slavery",
        "Another name for modern slavery, used in some crime recording and "
        "older reports.",
    ),
    (
        "HT",
        "Human Trafficking",
        "trafficking in persons",
        "Arranging or helping someone's travel, within the UK or across "
        "borders, so that they can be exploited.",
    ),
    (
        "modern slavery",
        "",
        "",
        "Slavery, servitude, forced or compulsory labour and human trafficking: "
        "one person controlling another to exploit them for gain.",
    ),
    (
        "labour exploitation",
        "",
        "forced labour\nlabour abuse",
        "Making people work for little or no pay, under threat, through debt "
        "or by taking their documents; common in car washes, farms, "
        "factories and construction.",
    ),
    (
        "domestic servitude",
        "",
        "domestic slavery",
        "Forcing someone to live and work in a household, cooking, cleaning "
        "or caring, often isolated and with no pay or freedom.",
    ),
    (
        "debt bondage",
        "",
        "bonded labour\ndebt slavery",
        "Keeping people working to pay off a debt, often for travel or "
        "housing, that grows faster than they can repay it.",
    ),
    (
        "sexual exploitation",
        "",
        "",
        "Forcing or coercing someone into sex work or other sexual activity "
        "for someone else's gain.",
    ),
    (
        "criminal exploitation",
        "",
        "forced criminality",
        "Forcing or manipulating someone into crime, such as drug dealing, "
        "cannabis cultivation, begging or theft.",
    ),
    (
        "nail bar",
        "",
        "nail salon",
        "A beauty business where labour exploitation has been found: workers "
        "are sometimes unpaid, kept on the premises or controlled by debt.",
    ),
    (
        "hand car wash",
        "",
        "car wash",
        "A business where labour exploitation is often spotted: long hours, "
        "cash pay well below the minimum wage and workers living on site.",
    ),
    (
        "trafficking indicators",
        "",
        "signs of trafficking\nspot the signs\nwarning signs",
        "The signs that someone may be exploited, such as not holding their "
        "own documents, being unable to move freely or speak for themselves, "
        "or showing injuries or fear.",
    ),
    (
        "re-trafficking",
        "",
        "retrafficking",
        "When a survivor is exploited again, often because support ended or "
        "a debt or threat still hangs over them.",
    ),
    (
        "MASH",
        "Multi-Agency Safeguarding Hub",
        "",
        "A team where police, council, health and other staff share "
        "information to decide quickly how to protect children or adults "
        "at risk.",
    ),
    (
        "safeguarding",
        "",
        "",
        "Protecting children and adults at risk from abuse, neglect and "
        "exploitation, and acting when someone may be at risk.",
    ),
    (
        "ICTG",
        "Independent Child Trafficking Guardian",
        "Independent Child Trafficking Advocate\nICTA",
        "A specialist who supports a trafficked child and speaks up for them "
        "with the agencies involved in their care.",
    ),
    (
        "statutory defence",
        "",
        "section 45 defence",
        "The defence in section 45 of the Modern Slavery Act for victims who "
        "committed certain offences because they were being exploited.",
    ),
    (
        "CPS",
        "Crown Prosecution Service",
        "",
        "The service that decides whether to charge and prosecutes criminal "
        "cases, including slavery and trafficking offences, in England and "
        "Wales.",
    ),
    (
        "EAW",
        "European Arrest Warrant",
        "",
        "A warrant used, before the UK left the European Union, to extradite "
        "suspects between member states, including in trafficking cases.",
    ),
    (
        "victim care contract",
        "",
        "VCC\nmodern slavery victim care contract",
        "The government contract that pays for support (safe housing, "
        "advice and help) for adult victims in the NRM in England and Wales.",
    ),
    (
        "Modern Slavery Helpline",
        "",
        "slavery helpline",
        "The confidential, round-the-clock phone line and online form for "
        "reporting suspicions and getting advice about modern slavery.",
    ),
]


def seed(apps, schema_editor):
    GlossaryTerm = apps.get_model("search", "GlossaryTerm")
    existing = {
        term.casefold() for term in GlossaryTerm.objects.values_list("term", flat=True)
    }
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=term,
            slug=slugify(term),
            expansion=expansion,
            synonyms=synonyms,
            definition=definition,
        )
        for term, expansion, synonyms, definition in TERMS
        if term.casefold() not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_glossary_and_failed_searches")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
