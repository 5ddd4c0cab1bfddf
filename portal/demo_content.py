"""Demo content for Network Portal: networks, organisations and standard pages."""

from portal.demo_statements import accessibility_statement, privacy_notice

# The home page: title, a one or two sentence intro and body paragraphs.
HOME = {
    "title": "Network Portal",
    "intro": (
        "Network Portal is where partners in the national and West Yorkshire "
        "anti-trafficking and modern slavery networks share guidance, news and good "
        "practice."
    ),
    "body": [
        (
            "Modern slavery is a hidden crime. Victims are often moved between towns, "
            "cities and police force areas, so no single organisation sees the whole "
            "picture. The portal helps partners pool what they know and learn from "
            "each other."
        ),
        (
            "Use it to find the networks and district forums, see which organisations "
            "take part and read guidance written for partner and police staff. Some "
            "pages are only open to signed-in partners or police users."
        ),
        (
            "If someone is in immediate danger, call 999. For advice, or to report a "
            "concern, call the Modern Slavery and Exploitation Helpline on 08000 121 "
            "700. Do not put details of victims or cases on this portal."
        ),
    ],
}

# One tree: the national network, the West Yorkshire regional network under
# it, and the five West Yorkshire district forums under that. Contacts are
# role mailboxes on fictional example domains, never named people.
NETWORKS = [
    {
        "title": "National Anti-Trafficking and Modern Slavery Network",
        "slug": "national-network",
        "level": "national",
        "founded": 2016,
        "area": "England and Wales",
        "contact_email": "network@national-network.example.org",
        "contact_role": (
            "Network coordinator, Office of the Police and Crime Commissioner for West "
            "Yorkshire"
        ),
        "summary": (
            "Brings police and crime commissioners across England and Wales together "
            "to tackle modern slavery consistently and put victims first."
        ),
        "body": [
            (
                "The National Anti-Trafficking and Modern Slavery Network links the "
                "offices of police and crime commissioners (PCCs) across England and "
                "Wales. The West Yorkshire PCC set it up in 2016 with the Independent "
                "Anti-Slavery Commissioner. It was the first national network of its "
                "kind, and the West Yorkshire office chairs it."
            ),
            (
                "Trafficking rarely stays inside one force area. Victims are often "
                "moved from place to place, which makes the crime hard to find and to "
                "measure. A force that records few referrals, or none, should not "
                "assume it has no victims. The network gives PCCs a shared, strategic "
                "way to respond instead of working alone."
            ),
            (
                "Members share good practice, push for a victim-focused response and "
                "hold their chief constables to account for how forces tackle modern "
                "slavery. The Association of Police and Crime Commissioners, the "
                "National Police Chiefs' Council, the Home Office Modern Slavery Unit "
                "and the Independent Anti-Slavery Commissioner support the network and "
                "help it spot trends and ways to prevent harm."
            ),
            (
                "A network coordinator joined the West Yorkshire PCC's office in 2017 "
                "to 2018. The network also draws on the £8.5 million Modern Slavery "
                "Police Transformation Programme, which offered every PCC £1,000 for "
                "local awareness raising. In February and March 2018 the national "
                "bodies for PCCs and police chiefs ran engagement days for PCCs and "
                "chief constables in the north and south of England."
            ),
        ],
        "children": [
            {
                "title": "West Yorkshire Anti-Trafficking and Modern Slavery Network",
                "slug": "west-yorkshire",
                "level": "regional",
                "founded": 2014,
                "area": "West Yorkshire",
                "contact_email": "network@westyorkshire-network.example.org",
                "contact_role": (
                    "Network coordinator, Office of the Police and Crime Commissioner "
                    "for West Yorkshire"
                ),
                "summary": (
                    "Coordinates training, awareness raising and victim support across "
                    "West Yorkshire's five districts, and has done since 2014."
                ),
                "body": [
                    (
                        "The West Yorkshire Anti-Trafficking and Modern Slavery "
                        "Network began in 2014. It exists to coordinate work across "
                        "the county, raise awareness, train staff and make sure "
                        "victims get support. The Office of the Police and Crime "
                        "Commissioner for West Yorkshire leads it, and it is seen "
                        "nationally as an example of good practice."
                    ),
                    (
                        "The network has helped train more than 3,000 front-line staff "
                        "to spot the signs of trafficking. A £200,000 grant from the "
                        "Ministry of Justice supported it in 2014 to 2015. The PCC's "
                        "Safer Communities Fund has since given £36,343 to 8 "
                        "organisations for projects against trafficking and modern "
                        "slavery."
                    ),
                    (
                        "Each of the five districts (Bradford, Calderdale, Kirklees, "
                        "Leeds and Wakefield) has its own anti-trafficking strategy "
                        "forum and action plan. The forums update the network "
                        "regularly and are linking modern slavery with local work on "
                        "organised crime groups. Joint work between West Yorkshire "
                        "Police and financial institutions to detect slavery has been "
                        "shared nationally as good practice."
                    ),
                    (
                        "Recorded modern slavery crime in West Yorkshire rose by 126% "
                        "in the years up to 2018. Most victims identified were from "
                        "Eastern Europe, and about 60% already knew their recruiter "
                        "before coming to the UK, sometimes as a relative or partner. "
                        "About 19% of recorded offences took place before 2015. In "
                        "2018 the network planned to spend £1,000 of national funding "
                        "on an awareness event for the homelessness sector."
                    ),
                ],
                "children": [
                    {
                        "title": "Bradford Anti-Trafficking Strategy Forum",
                        "slug": "bradford",
                        "level": "district",
                        "founded": None,
                        "area": "Bradford district",
                        "contact_email": (
                            "bradford.forum@westyorkshire-network.example.org"
                        ),
                        "contact_role": (
                            "Forum coordinator, Bradford anti-trafficking strategy "
                            "forum"
                        ),
                        "summary": (
                            "Brings Bradford partners together to find, support and "
                            "protect people at risk of trafficking."
                        ),
                        "body": [
                            (
                                "The Bradford Anti-Trafficking Strategy Forum brings "
                                "together the council, the police, health services, "
                                "charities, faith groups and local businesses in the "
                                "Bradford district."
                            ),
                            (
                                "Like every West Yorkshire district forum, it keeps a "
                                "local action plan that follows the Government's "
                                "modern slavery strategy, and it reports progress to "
                                "the West Yorkshire network at each meeting."
                            ),
                            (
                                "Partners use the forum to agree how to respond when "
                                "someone may be a victim, to plan awareness sessions "
                                "for front-line staff and to share what they see "
                                "locally, including links to organised crime."
                            ),
                        ],
                        "children": [],
                    },
                    {
                        "title": "Calderdale Anti-Trafficking Strategy Forum",
                        "slug": "calderdale",
                        "level": "district",
                        "founded": None,
                        "area": "Calderdale district",
                        "contact_email": (
                            "calderdale.forum@westyorkshire-network.example.org"
                        ),
                        "contact_role": (
                            "Forum coordinator, Calderdale anti-trafficking strategy "
                            "forum"
                        ),
                        "summary": (
                            "Coordinates the local response to trafficking and modern "
                            "slavery across Calderdale."
                        ),
                        "body": [
                            (
                                "The Calderdale Anti-Trafficking Strategy Forum is the "
                                "meeting point for organisations that tackle "
                                "trafficking and modern slavery in Calderdale. Members "
                                "include the council, the police, health and voluntary "
                                "sector services and local employers."
                            ),
                            (
                                "Like every West Yorkshire district forum, it keeps a "
                                "local action plan that follows the Government's "
                                "modern slavery strategy, and it reports progress to "
                                "the West Yorkshire network at each meeting."
                            ),
                            (
                                "The forum helps partners understand local risks, "
                                "train their staff and make sure that potential "
                                "victims are referred for support quickly."
                            ),
                        ],
                        "children": [],
                    },
                    {
                        "title": "Kirklees Anti-Trafficking Strategy Forum",
                        "slug": "kirklees",
                        "level": "district",
                        "founded": None,
                        "area": "Kirklees district",
                        "contact_email": (
                            "kirklees.forum@westyorkshire-network.example.org"
                        ),
                        "contact_role": (
                            "Forum coordinator, Kirklees anti-trafficking strategy "
                            "forum"
                        ),
                        "summary": (
                            "Joins up Kirklees partners working on trafficking, labour "
                            "exploitation and modern slavery."
                        ),
                        "body": [
                            (
                                "The Kirklees Anti-Trafficking Strategy Forum covers "
                                "Huddersfield, Dewsbury and the rest of the Kirklees "
                                "district. It brings together the council, the police, "
                                "health services, advice charities and businesses."
                            ),
                            (
                                "Like every West Yorkshire district forum, it keeps a "
                                "local action plan that follows the Government's "
                                "modern slavery strategy, and it reports progress to "
                                "the West Yorkshire network at each meeting."
                            ),
                            (
                                "The local press has reported on trafficking in "
                                "Dewsbury and Huddersfield, including a case in which "
                                "a Dewsbury gang leader was jailed. The forum uses "
                                "cases like these to help partners recognise "
                                "exploitation early."
                            ),
                        ],
                        "children": [],
                    },
                    {
                        "title": "Leeds Anti-Trafficking Strategy Forum",
                        "slug": "leeds",
                        "level": "district",
                        "founded": None,
                        "area": "Leeds district",
                        "contact_email": (
                            "leeds.forum@westyorkshire-network.example.org"
                        ),
                        "contact_role": (
                            "Forum coordinator, Leeds anti-trafficking strategy forum"
                        ),
                        "summary": (
                            "Helps Leeds partners spot exploitation, refer victims and "
                            "share intelligence about trafficking."
                        ),
                        "body": [
                            (
                                "The Leeds Anti-Trafficking Strategy Forum brings "
                                "together statutory services, charities and businesses "
                                "across the Leeds district to tackle trafficking and "
                                "modern slavery."
                            ),
                            (
                                "Like every West Yorkshire district forum, it keeps a "
                                "local action plan that follows the Government's "
                                "modern slavery strategy, and it reports progress to "
                                "the West Yorkshire network at each meeting."
                            ),
                            (
                                "The forum supports front-line staff in housing, "
                                "health, homelessness and advice services to recognise "
                                "the signs of exploitation and to know who to contact."
                            ),
                        ],
                        "children": [],
                    },
                    {
                        "title": "Wakefield Anti-Trafficking Strategy Forum",
                        "slug": "wakefield",
                        "level": "district",
                        "founded": None,
                        "area": "Wakefield district",
                        "contact_email": (
                            "wakefield.forum@westyorkshire-network.example.org"
                        ),
                        "contact_role": (
                            "Forum coordinator, Wakefield anti-trafficking strategy "
                            "forum"
                        ),
                        "summary": (
                            "Leads the partnership response to trafficking and modern "
                            "slavery in the Wakefield district."
                        ),
                        "body": [
                            (
                                "The Wakefield Anti-Trafficking Strategy Forum brings "
                                "together the council, the police, health services, "
                                "charities and employers in the Wakefield district."
                            ),
                            (
                                "Like every West Yorkshire district forum, it keeps a "
                                "local action plan that follows the Government's "
                                "modern slavery strategy, and it reports progress to "
                                "the West Yorkshire network at each meeting."
                            ),
                            (
                                "In 2018 the Modern Slavery Police Transformation Unit "
                                "held a regional roadshow at Carr Gate, in the "
                                "Wakefield district, where the West Yorkshire PCC was "
                                "one of the speakers."
                            ),
                        ],
                        "children": [],
                    },
                ],
            },
        ],
    },
]

# Real organisations named in the source material, plus clearly fictional
# members (fictional=True, websites and e-mail domains on example.org).
# Memberships are (network_slug, role, start date); the dates are demo data.
ORGANISATIONS = [
    {
        "name": "West Yorkshire Police",
        "slug": "west-yorkshire-police",
        "type": "police_force",
        "area": "West Yorkshire",
        "website": "https://www.westyorkshire.police.uk",
        "description": (
            "The police force for West Yorkshire. In 2014 it set up a dedicated human "
            "trafficking team, funded from £3.5 million that the PCC made available "
            "for work on child sexual exploitation, human trafficking and cyber crime. "
            "In 2017 to 2018 the team gained a partnerships and training officer, the "
            "first post of its kind in the UK."
        ),
        "fictional": False,
        "email_domains": [
            "westyorkshire.police.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
            ("west-yorkshire", "member", "2014-06-02"),
            ("bradford", "member", "2016-09-01"),
            ("calderdale", "member", "2016-09-01"),
            ("kirklees", "member", "2016-09-01"),
            ("leeds", "member", "2016-09-01"),
            ("wakefield", "member", "2016-09-01"),
        ],
    },
    {
        "name": "Office of the Police and Crime Commissioner for West Yorkshire",
        "slug": "opcc-west-yorkshire",
        "type": "pcc_office",
        "area": "West Yorkshire",
        "website": "https://www.westyorks-ca.gov.uk",
        "description": (
            "Supports police and crime commissioning in West Yorkshire, a role carried "
            "out by the Mayor of West Yorkshire since 2021. The office set up the West "
            "Yorkshire network in 2014 and the national network in 2016, and chairs "
            "both."
        ),
        "fictional": False,
        "email_domains": [
            "westyorks-ca.gov.uk",
        ],
        "memberships": [
            ("national-network", "chair", "2016-02-01"),
            ("west-yorkshire", "chair", "2014-06-02"),
        ],
    },
    {
        "name": "City of Bradford Metropolitan District Council",
        "slug": "bradford-council",
        "type": "local_authority",
        "area": "Bradford district",
        "website": "https://www.bradford.gov.uk",
        "description": (
            "The local authority for the Bradford district. As a first responder "
            "organisation it can refer potential victims to the National Referral "
            "Mechanism, and it must notify the Home Office of adult victims who do not "
            "consent to a referral."
        ),
        "fictional": False,
        "email_domains": [
            "bradford.gov.uk",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2014-06-02"),
            ("bradford", "member", "2016-09-01"),
        ],
    },
    {
        "name": "Calderdale Council",
        "slug": "calderdale-council",
        "type": "local_authority",
        "area": "Calderdale district",
        "website": "https://www.calderdale.gov.uk",
        "description": (
            "The local authority for the Calderdale district. As a first responder "
            "organisation it can refer potential victims to the National Referral "
            "Mechanism, and it must notify the Home Office of adult victims who do not "
            "consent to a referral."
        ),
        "fictional": False,
        "email_domains": [
            "calderdale.gov.uk",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2014-06-02"),
            ("calderdale", "member", "2016-10-03"),
        ],
    },
    {
        "name": "Kirklees Council",
        "slug": "kirklees-council",
        "type": "local_authority",
        "area": "Kirklees district",
        "website": "https://www.kirklees.gov.uk",
        "description": (
            "The local authority for the Kirklees district. As a first responder "
            "organisation it can refer potential victims to the National Referral "
            "Mechanism, and it must notify the Home Office of adult victims who do not "
            "consent to a referral."
        ),
        "fictional": False,
        "email_domains": [
            "kirklees.gov.uk",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2014-06-02"),
            ("kirklees", "member", "2016-09-15"),
        ],
    },
    {
        "name": "Leeds City Council",
        "slug": "leeds-city-council",
        "type": "local_authority",
        "area": "Leeds district",
        "website": "https://www.leeds.gov.uk",
        "description": (
            "The local authority for the Leeds district. As a first responder "
            "organisation it can refer potential victims to the National Referral "
            "Mechanism, and it must notify the Home Office of adult victims who do not "
            "consent to a referral."
        ),
        "fictional": False,
        "email_domains": [
            "leeds.gov.uk",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2014-06-02"),
            ("leeds", "member", "2016-07-04"),
        ],
    },
    {
        "name": "Wakefield Council",
        "slug": "wakefield-council",
        "type": "local_authority",
        "area": "Wakefield district",
        "website": "https://www.wakefield.gov.uk",
        "description": (
            "The local authority for the Wakefield district. As a first responder "
            "organisation it can refer potential victims to the National Referral "
            "Mechanism, and it must notify the Home Office of adult victims who do not "
            "consent to a referral."
        ),
        "fictional": False,
        "email_domains": [
            "wakefield.gov.uk",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2014-06-02"),
            ("wakefield", "member", "2016-11-07"),
        ],
    },
    {
        "name": "Gangmasters and Labour Abuse Authority",
        "slug": "glaa",
        "type": "national_agency",
        "area": "England and Wales",
        "website": "https://www.gla.gov.uk",
        "description": (
            "The national body that protects vulnerable and exploited workers. It "
            "licenses labour providers in farming, food processing and shellfish "
            "gathering, and investigates labour exploitation across England and Wales."
        ),
        "fictional": False,
        "email_domains": [
            "gla.gov.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
            ("west-yorkshire", "member", "2015-03-02"),
        ],
    },
    {
        "name": "National Crime Agency",
        "slug": "national-crime-agency",
        "type": "national_agency",
        "area": "UK-wide",
        "website": "https://www.nationalcrimeagency.gov.uk",
        "description": (
            "The UK's national law enforcement agency against serious and organised "
            "crime, including human trafficking. Its work shows that modern slavery is "
            "found in all of the UK's large towns and cities."
        ),
        "fictional": False,
        "email_domains": [
            "nca.gov.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
            ("west-yorkshire", "member", "2015-03-02"),
        ],
    },
    {
        "name": "The Salvation Army",
        "slug": "salvation-army",
        "type": "ngo",
        "area": "England and Wales",
        "website": "https://www.salvationarmy.org.uk",
        "description": (
            "A church and charity that manages the Government's contract for "
            "supporting adult victims of modern slavery in England and Wales. It "
            "arranges safe housing, support workers and other help for people referred "
            "through the National Referral Mechanism."
        ),
        "fictional": False,
        "email_domains": [
            "salvationarmy.org.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
            ("west-yorkshire", "member", "2014-06-02"),
        ],
    },
    {
        "name": "Office of the Independent Anti-Slavery Commissioner",
        "slug": "independent-anti-slavery-commissioner",
        "type": "national_agency",
        "area": "UK-wide",
        "website": "https://www.antislaverycommissioner.co.uk",
        "description": (
            "An independent office created by the Modern Slavery Act 2015 to encourage "
            "good practice in preventing and investigating modern slavery and in "
            "identifying victims. The first Commissioner helped launch the national "
            "network in 2016, and the first annual report recognised West Yorkshire's "
            "work."
        ),
        "fictional": False,
        "email_domains": [],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
        ],
    },
    {
        "name": "Association of Police and Crime Commissioners",
        "slug": "apcc",
        "type": "other",
        "area": "England and Wales",
        "website": "https://www.apccs.police.uk",
        "description": (
            "The national membership body for police and crime commissioners in "
            "England and Wales. It backs the national network, and the West Yorkshire "
            "PCC was its national lead on modern slavery."
        ),
        "fictional": False,
        "email_domains": [
            "apccs.police.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
        ],
    },
    {
        "name": "National Police Chiefs' Council",
        "slug": "npcc",
        "type": "other",
        "area": "UK-wide",
        "website": "https://www.npcc.police.uk",
        "description": (
            "Brings police chiefs together to coordinate national operational "
            "policing. It supports the national network, and its bid to the Police "
            "Transformation Fund led to the £8.5 million Modern Slavery Police "
            "Transformation Programme."
        ),
        "fictional": False,
        "email_domains": [
            "npcc.police.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
        ],
    },
    {
        "name": "Modern Slavery Police Transformation Unit",
        "slug": "modern-slavery-police-transformation-unit",
        "type": "other",
        "area": "England and Wales",
        "website": "https://www.npcc-msoicu.co.uk",
        "description": (
            "The policing unit that delivered the Modern Slavery Police Transformation "
            "Programme from April 2017. It gave forces accredited training, regional "
            "coordination and guidance on evidence-led prosecutions and slavery "
            "prevention orders. It later became the Modern Slavery and Organised "
            "Immigration Crime Unit."
        ),
        "fictional": False,
        "email_domains": [],
        "memberships": [
            ("national-network", "member", "2017-04-03"),
        ],
    },
    {
        "name": "Home Office Modern Slavery Unit",
        "slug": "home-office-modern-slavery-unit",
        "type": "national_agency",
        "area": "UK-wide",
        "website": "https://www.gov.uk/government/organisations/home-office",
        "description": (
            "The Home Office team responsible for modern slavery policy. It "
            "contributes to the national network's work on good practice, trends and "
            "prevention."
        ),
        "fictional": False,
        "email_domains": [
            "homeoffice.gov.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-02-01"),
        ],
    },
    {
        "name": (
            "His Majesty's Inspectorate of Constabulary and Fire and Rescue Services"
        ),
        "slug": "hmicfrs",
        "type": "national_agency",
        "area": "England and Wales",
        "website": "https://hmicfrs.justiceinspectorates.gov.uk",
        "description": (
            "Independently inspects police forces and fire and rescue services. Its "
            "2017 inspection, Stolen freedom, found that too much police work on "
            "modern slavery was reactive. As an inspectorate it stays independent and "
            "is not a member of any network or forum."
        ),
        "fictional": False,
        "email_domains": [
            "hmicfrs.gov.uk",
        ],
        "memberships": [],
    },
    {
        "name": "Modern Slavery and Exploitation Helpline",
        "slug": "modern-slavery-helpline",
        "type": "ngo",
        "area": "UK-wide",
        "website": "https://www.modernslaveryhelpline.org",
        "description": (
            "A confidential helpline, run by the charity Unseen, for anyone who needs "
            "advice or wants to report a concern about modern slavery. The network "
            "promotes it to partners and the public."
        ),
        "fictional": False,
        "email_domains": [],
        "memberships": [
            ("national-network", "member", "2017-01-16"),
        ],
    },
    {
        "name": "Greater Manchester Police",
        "slug": "greater-manchester-police",
        "type": "police_force",
        "area": "Greater Manchester",
        "website": "https://www.gmp.police.uk",
        "description": (
            "The police force for Greater Manchester. The 2017 HMICFRS inspection "
            "highlighted its commitment to tackling modern slavery."
        ),
        "fictional": False,
        "email_domains": [
            "gmp.police.uk",
        ],
        "memberships": [
            ("national-network", "member", "2016-05-03"),
        ],
    },
    {
        "name": (
            "Office of the Police and Crime Commissioner for Devon, Cornwall and the "
            "Isles of Scilly"
        ),
        "slug": "opcc-devon-and-cornwall",
        "type": "pcc_office",
        "area": "Devon, Cornwall and the Isles of Scilly",
        "website": "https://www.devonandcornwall-pcc.gov.uk",
        "description": (
            "Supports the Police and Crime Commissioner for Devon, Cornwall and the "
            "Isles of Scilly. The commissioner chaired the board of the Modern Slavery "
            "Police Transformation Programme."
        ),
        "fictional": False,
        "email_domains": [],
        "memberships": [
            ("national-network", "member", "2016-04-04"),
        ],
    },
    {
        "name": "Brightstep Freedom Project",
        "slug": "brightstep-freedom-project",
        "type": "ngo",
        "area": "Leeds and Bradford",
        "website": "https://brightstep.example.org",
        "description": (
            "A fictional charity that supports survivors of trafficking in Leeds and "
            "Bradford. Its caseworkers help people find housing, health care and legal "
            "advice after they leave exploitation."
        ),
        "fictional": True,
        "email_domains": [
            "brightstep.example.org",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2015-01-12"),
            ("bradford", "member", "2016-10-03"),
            ("leeds", "member", "2016-07-04"),
        ],
    },
    {
        "name": "Northwold Migrant Advice Centre",
        "slug": "northwold-migrant-advice-centre",
        "type": "ngo",
        "area": "Kirklees and Wakefield",
        "website": "https://northwold-advice.example.org",
        "description": (
            "A fictional advice centre for migrant workers in Kirklees and Wakefield. "
            "It explains employment rights in several languages and refers people who "
            "may be exploited to first responders."
        ),
        "fictional": True,
        "email_domains": [
            "northwold-advice.example.org",
        ],
        "memberships": [
            ("kirklees", "member", "2016-09-15"),
            ("wakefield", "member", "2017-01-09"),
        ],
    },
    {
        "name": "Quillfield Night Shelter",
        "slug": "quillfield-night-shelter",
        "type": "ngo",
        "area": "Leeds and Wakefield",
        "website": "https://quillfield-shelter.example.org",
        "description": (
            "A fictional homelessness charity running night shelters in Leeds and "
            "Wakefield. Its staff are trained to notice when rough sleepers are being "
            "recruited for forced labour."
        ),
        "fictional": True,
        "email_domains": [
            "quillfield-shelter.example.org",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2018-06-04"),
            ("leeds", "member", "2017-02-06"),
            ("wakefield", "member", "2017-02-06"),
        ],
    },
    {
        "name": "Haverly Refuge Trust",
        "slug": "haverly-refuge-trust",
        "type": "ngo",
        "area": "Calderdale and Kirklees",
        "website": "https://haverly-refuge.example.org",
        "description": (
            "A fictional charity offering safe houses for women in Calderdale and "
            "Kirklees, including women trafficked for sexual exploitation."
        ),
        "fictional": True,
        "email_domains": [
            "haverly-refuge.example.org",
        ],
        "memberships": [
            ("calderdale", "member", "2016-10-03"),
            ("kirklees", "member", "2017-03-06"),
        ],
    },
    {
        "name": "Harbourlight Survivor Voices",
        "slug": "harbourlight-survivor-voices",
        "type": "ngo",
        "area": "England and Wales",
        "website": "https://harbourlight.example.org",
        "description": (
            "A fictional survivor-led group that advises the networks on how services "
            "feel to the people who use them."
        ),
        "fictional": True,
        "email_domains": [
            "harbourlight.example.org",
        ],
        "memberships": [
            ("national-network", "member", "2017-05-02"),
            ("west-yorkshire", "member", "2017-05-02"),
        ],
    },
    {
        "name": "Emberdale Community Health NHS Trust",
        "slug": "emberdale-community-health",
        "type": "health",
        "area": "Bradford and Calderdale",
        "website": "https://emberdale-health.example.org",
        "description": (
            "A fictional NHS community health trust serving Bradford and Calderdale. "
            "Its safeguarding team trains nurses and health visitors to spot signs of "
            "trafficking during home visits."
        ),
        "fictional": True,
        "email_domains": [
            "emberdale-health.example.org",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2015-04-13"),
            ("bradford", "member", "2016-10-03"),
            ("calderdale", "member", "2016-10-03"),
        ],
    },
    {
        "name": "Kestrelgate Primary Care Federation",
        "slug": "kestrelgate-primary-care",
        "type": "health",
        "area": "Leeds, Kirklees and Wakefield",
        "website": "https://kestrelgate-pcf.example.org",
        "description": (
            "A fictional federation of GP practices in Leeds, Kirklees and Wakefield. "
            "It shares guidance with reception and clinical staff on what to do when a "
            "patient may be a victim."
        ),
        "fictional": True,
        "email_domains": [
            "kestrelgate-pcf.example.org",
        ],
        "memberships": [
            ("leeds", "member", "2017-03-06"),
            ("kirklees", "member", "2017-03-06"),
            ("wakefield", "member", "2017-03-06"),
        ],
    },
    {
        "name": "Suds and Shine Hand Car Wash Association",
        "slug": "suds-and-shine-car-wash-association",
        "type": "business",
        "area": "West Yorkshire",
        "website": "https://suds-and-shine.example.org",
        "description": (
            "A fictional trade association for hand car wash owners. Members sign up "
            "to fair pay, safe working and right-to-work checks, and display the "
            "helpline number on site."
        ),
        "fictional": True,
        "email_domains": [
            "suds-and-shine.example.org",
        ],
        "memberships": [
            ("bradford", "member", "2017-06-05"),
            ("kirklees", "member", "2017-06-05"),
            ("wakefield", "member", "2017-06-05"),
        ],
    },
    {
        "name": "Fairhire Recruitment",
        "slug": "fairhire-recruitment",
        "type": "business",
        "area": "Leeds and Calderdale",
        "website": "https://fairhire.example.org",
        "description": (
            "A fictional recruitment agency that supplies warehouse and hospitality "
            "staff. It checks that no worker pays fees or owes debts to get a job."
        ),
        "fictional": True,
        "email_domains": [
            "fairhire.example.org",
        ],
        "memberships": [
            ("leeds", "member", "2017-09-04"),
            ("calderdale", "member", "2017-09-04"),
        ],
    },
    {
        "name": "Copperkettle Bank Financial Crime Team",
        "slug": "copperkettle-bank",
        "type": "business",
        "area": "UK-wide",
        "website": "https://copperkettle-bank.example.org",
        "description": (
            "The financial crime team of a fictional high street bank. It looks for "
            "payment patterns linked to slavery and shares what it finds with the "
            "police."
        ),
        "fictional": True,
        "email_domains": [
            "copperkettle-bank.example.org",
        ],
        "memberships": [
            ("national-network", "member", "2017-10-02"),
            ("west-yorkshire", "member", "2016-03-07"),
        ],
    },
    {
        "name": "Glossmere Nail Salon Owners' Forum",
        "slug": "glossmere-nail-salon-forum",
        "type": "business",
        "area": "Leeds and Bradford",
        "website": "https://glossmere-salons.example.org",
        "description": (
            "A fictional network of nail salon owners in Leeds and Bradford. It "
            "promotes fair employment and helps owners recognise and report "
            "exploitation."
        ),
        "fictional": True,
        "email_domains": [
            "glossmere-salons.example.org",
        ],
        "memberships": [
            ("leeds", "member", "2017-11-06"),
            ("bradford", "member", "2017-11-06"),
        ],
    },
    {
        "name": "Millrace Construction Group",
        "slug": "millrace-construction",
        "type": "business",
        "area": "Wakefield",
        "website": "https://millrace-construction.example.org",
        "description": (
            "A fictional building contractor based in the Wakefield district. It "
            "checks its subcontractors and labour suppliers for signs of forced "
            "labour."
        ),
        "fictional": True,
        "email_domains": [
            "millrace-construction.example.org",
        ],
        "memberships": [
            ("west-yorkshire", "member", "2018-01-08"),
            ("wakefield", "member", "2017-04-03"),
        ],
    },
    {
        "name": "Tallowmere Partnership Support Services",
        "slug": "tallowmere-partnership-support",
        "type": "other",
        "area": "West Yorkshire",
        "website": "https://tallowmere.example.org",
        "description": (
            "A fictional partnership support service that runs the secretariat for the "
            "West Yorkshire network. It organises meetings, keeps minutes and tracks "
            "district action plans."
        ),
        "fictional": True,
        "email_domains": [
            "tallowmere.example.org",
        ],
        "memberships": [
            ("west-yorkshire", "secretariat", "2014-06-02"),
        ],
    },
    {
        "name": "Westbeck Faith and Communities Forum",
        "slug": "westbeck-faith-forum",
        "type": "other",
        "area": "Bradford and Calderdale",
        "website": "https://westbeck-faith.example.org",
        "description": (
            "A fictional forum of faith and community groups in Bradford and "
            "Calderdale. It helps spread awareness of modern slavery through places of "
            "worship and community centres."
        ),
        "fictional": True,
        "email_domains": [
            "westbeck-faith.example.org",
        ],
        "memberships": [
            ("bradford", "member", "2016-10-03"),
            ("calderdale", "member", "2017-01-09"),
        ],
    },
    {
        "name": "Riverbend Interpreting Co-operative",
        "slug": "riverbend-interpreting",
        "type": "other",
        "area": "West Yorkshire",
        "website": "https://riverbend-interpreting.example.org",
        "description": (
            "A fictional interpreting co-operative that provides trained interpreters "
            "for interviews with potential victims, mainly in Eastern European "
            "languages."
        ),
        "fictional": True,
        "email_domains": [
            "riverbend-interpreting.example.org",
        ],
        "memberships": [
            ("calderdale", "member", "2017-05-08"),
            ("kirklees", "member", "2017-05-08"),
        ],
    },
]

# Standard pages under the home page. restriction: None (public),
# "partners" or "police".
STANDARD_PAGES = [
    {
        "title": "About the networks",
        "slug": "about",
        "summary": (
            "What the national and West Yorkshire networks are, how they started and "
            "who supports them."
        ),
        "restriction": None,
        "body": [
            ("heading", "Who we are"),
            (
                "paragraph",
                (
                    "Network Portal serves two linked partnerships that work against "
                    "human trafficking and modern slavery. The West Yorkshire "
                    "Anti-Trafficking and Modern Slavery Network covers the county and "
                    "its five district forums. The National Anti-Trafficking and "
                    "Modern Slavery Network links police and crime commissioners "
                    "across England and Wales."
                ),
            ),
            ("heading", "How the networks started"),
            (
                "paragraph",
                (
                    "Tackling trafficking has been a priority for West Yorkshire's "
                    "police and crime commissioner since the first election in 2012. "
                    "In 2014 the commissioner's office set up the West Yorkshire "
                    "network to coordinate work, train staff and support victims. In "
                    "the same year West Yorkshire Police set up a team that "
                    "investigates only human trafficking."
                ),
            ),
            (
                "paragraph",
                (
                    "In 2015 West Yorkshire was one of two areas chosen to test "
                    "changes to the National Referral Mechanism after a national "
                    "review. In 2016 the commissioner and the Independent Anti-Slavery "
                    "Commissioner launched the national network, so that every police "
                    "and crime commissioner could share good practice and hold their "
                    "force to account."
                ),
            ),
            ("heading", "Who supports the networks"),
            (
                "paragraph",
                (
                    "The national network has the backing of the Independent "
                    "Anti-Slavery Commissioner, the Association of Police and Crime "
                    "Commissioners (APCC) and the National Police Chiefs' Council "
                    "(NPCC). The Home Office Modern Slavery Unit also contributes. "
                    "Councils, health services, charities, businesses and the "
                    "Gangmasters and Labour Abuse Authority all take part."
                ),
            ),
            ("heading", "Why this work matters"),
            (
                "paragraph",
                (
                    "In 2014, 2,340 potential victims were referred into the National "
                    "Referral Mechanism, 34% more than in 2013. In 2017 HM "
                    "Inspectorate of Constabulary and Fire and Rescue Services "
                    "(HMICFRS) published Stolen freedom, its first inspection of how "
                    "police deal with modern slavery. It found signs of progress, but "
                    "also that victims were often missed and some investigations were "
                    "closed too early."
                ),
            ),
            (
                "paragraph",
                (
                    "Recorded slavery offences in England and Wales rose by nearly "
                    "200% in a year. Yet between April 2015 and March 2017, fewer than "
                    "2% of offences reported to the forces that kept records led to a "
                    "successful prosecution. The networks exist to close these gaps by "
                    "working together."
                ),
            ),
        ],
    },
    accessibility_statement(),
    privacy_notice(),
    {
        "title": "Partner briefing: referral pathways",
        "slug": "partner-briefing-referral-pathways",
        "summary": (
            "How first responder organisations refer potential victims to the National "
            "Referral Mechanism and use the Duty to Notify."
        ),
        "restriction": "partners",
        "body": [
            (
                "paragraph",
                (
                    "This briefing is for staff in partner organisations. It explains "
                    "how a first responder organisation refers a potential victim of "
                    "modern slavery to the National Referral Mechanism (NRM), and when "
                    "a public body must notify the Home Office instead. It is a short "
                    "summary: always check the current Home Office statutory guidance "
                    "before you act."
                ),
            ),
            ("heading", "Before you refer"),
            (
                "paragraph",
                (
                    "If someone is in immediate danger, call 999. Only staff in a "
                    "first responder organisation can make an NRM referral. These "
                    "include police forces, local authorities, the National Crime "
                    "Agency, the Gangmasters and Labour Abuse Authority, some Home "
                    "Office teams and a number of named charities. If your "
                    "organisation is not a first responder, contact one, such as the "
                    "police or your council's safeguarding team, or call the Modern "
                    "Slavery and Exploitation Helpline on 08000 121 700."
                ),
            ),
            ("heading", "Making an NRM referral"),
            (
                "paragraph",
                (
                    "Explain the NRM to the person in a language they understand, "
                    "using a professional interpreter if needed. Adults must give "
                    "informed consent to be referred. Children under 18 do not need to "
                    "consent, and you must also make a child safeguarding referral to "
                    "the local authority. Fill in the online referral form on GOV.UK "
                    "with as much detail as you can, including the signs of "
                    "exploitation you saw."
                ),
            ),
            (
                "paragraph",
                (
                    "The Home Office then decides whether there are reasonable grounds "
                    "to believe the person is a victim, and later makes a conclusive "
                    "decision. Adults who are referred can be offered support, such as "
                    "safe housing and a support worker, through the victim care "
                    "contract that The Salvation Army manages in England and Wales."
                ),
            ),
            ("heading", "Duty to Notify"),
            (
                "paragraph",
                (
                    "Under section 52 of the Modern Slavery Act 2015, specified public "
                    "bodies in England and Wales must tell the Home Office when they "
                    "meet a potential victim. These include police forces, local "
                    "authorities, the National Crime Agency and the Gangmasters and "
                    "Labour Abuse Authority. If an adult does not agree to an NRM "
                    "referral, you must still notify, using the same online form "
                    "without details that could identify them. Record what you did and "
                    "why, share case details only through secure channels and never "
                    "post them on this portal."
                ),
            ),
        ],
    },
    {
        "title": "Police operational guidance: labour exploitation",
        "slug": "police-operational-guidance-labour-exploitation",
        "summary": (
            "Demo content: sample notes for police on spotting labour exploitation at "
            "car washes, nail bars and building sites, and working with the GLAA."
        ),
        "restriction": "police",
        "body": [
            (
                "paragraph",
                (
                    "Demo content: these notes are sample text for testing the portal. "
                    "They are not real operational guidance. Follow your force's "
                    "policies, College of Policing guidance and advice from your "
                    "modern slavery lead."
                ),
            ),
            ("heading", "Why these settings matter"),
            (
                "paragraph",
                (
                    "In its 2017 inspection HMICFRS found that officers often missed "
                    "victims, including people sleeping in nail bars and working on "
                    "construction sites. Some victims were arrested as offenders or as "
                    "immigration offenders instead of being protected. Many officers "
                    "thought modern slavery was rare in their area, yet the National "
                    "Crime Agency had reported finding it in all of the UK's large "
                    "towns and cities."
                ),
            ),
            ("heading", "Signs of labour exploitation"),
            (
                "paragraph",
                (
                    "At hand car washes, look for workers handling chemicals without "
                    "protective clothing, people living or sleeping on site and groups "
                    "dropped off and collected together. In nail bars, watch for staff "
                    "who seem to live on the premises, are always accompanied or are "
                    "not allowed to talk to customers. On construction sites, check "
                    "for missing safety equipment or site passes, cash-in-hand pay and "
                    "one person who speaks for everyone."
                ),
            ),
            (
                "paragraph",
                (
                    "In every setting, be alert to withheld passports, debts owed to "
                    "an employer or recruiter, and workers who seem frightened or not "
                    "free to leave. Many victims know their recruiter: in West "
                    "Yorkshire about 60% had known them before coming to the UK, "
                    "sometimes as a relative or partner. Victims may not see "
                    "themselves as exploited and may not ask for help."
                ),
            ),
            ("heading", "Working with the GLAA"),
            (
                "paragraph",
                (
                    "The Gangmasters and Labour Abuse Authority investigates labour "
                    "exploitation across England and Wales, and its officers have "
                    "police-style powers for labour market offences. Contact the GLAA "
                    "early so you can plan joint visits, share intelligence and agree "
                    "who leads. Safeguard potential victims first, make NRM referrals "
                    "or Duty to Notify reports, and record all intelligence on force "
                    "systems."
                ),
            ),
        ],
    },
]
