"""
Demo practices for the best-practice library, loaded by `manage.py load_demo`.

Drawn from the themes of the 2014–2018 West Yorkshire and national network
papers in the seeds: slavery detection with banks, the homelessness sector,
training front-line staff, intelligence sharing with European agencies, the
National Referral Mechanism pilot, car washes, nail bars and county lines.
The practices, places and figures are illustrative demo data.

Text fields are plain text: blank lines separate paragraphs and lines that
start with "- " make a bulleted list (as in the import format). Terms and
organisations are given by slug; see best_practice/migrations/0003 and
portal/demo_content.py.
"""

PRACTICES = [
    {
        "network": "west-yorkshire",
        "slug": "slavery-detection-with-financial-institutions",
        "title": "Spotting slavery through bank accounts",
        "summary": (
            "Police and a bank's financial crime team agreed the account "
            "patterns that suggest someone is being controlled, and a quick "
            "route to share concerns."
        ),
        "problem": (
            "Victims' wages were paid into accounts that someone else "
            "controlled. Banks saw the signs, such as many accounts opened "
            "with one address or one phone number, but did not know who to "
            "tell or whether it mattered."
        ),
        "aim": "Turn what banks already see into referrals the police can act on.",
        "what_was_done": (
            "- Agreed a short list of warning signs with the bank's analysts.\n"
            "- Set up a named contact in the force's human trafficking team.\n"
            "- Met every month to go through the cases the bank had flagged.\n\n"
            "The bank added the warning signs to its own monitoring, so it "
            "could flag patterns without waiting for a police request."
        ),
        "evaluation": (
            "Over two years the bank's reports led to several investigations "
            "and to victims being found at addresses nobody had linked "
            "before. The Independent Anti-Slavery Commissioner's first annual "
            "report described the work as good practice."
        ),
        "resources": (
            "A detective's time for one day a month, and analyst time at the bank."
        ),
        "contact_role": "Human trafficking team partnerships officer",
        "contact_email": "human.trafficking@wyp.example.org",
        "organisations": ["west-yorkshire-police", "copperkettle-bank"],
        "partners": ["opcc-west-yorkshire"],
        "outcome": "worked",
        "evidence_stage": "independent",
        "handling": "public",
        "themes": ["victim-identification", "partnership", "intelligence-sharing"],
        "exploitation_types": ["labour-exploitation", "sexual-exploitation"],
        "sectors": ["financial-services"],
        "audiences": ["police", "businesses"],
        "recognition": [
            "shared-nationally-by-the-independent-anti-slavery-commissioner"
        ],
        "tags": ["banks", "financial investigation"],
        "start_date": "2015-06-01",
        "end_date": None,
        "area": "West Yorkshire",
        "last_reviewed": "2025-05-12",
    },
    {
        "network": "leeds",
        "slug": "awareness-in-the-homelessness-sector",
        "title": "Raising awareness in homelessness services",
        "summary": (
            "An afternoon event and a pocket card for hostel and outreach "
            "staff, paid for from the £1,000 awareness fund."
        ),
        "problem": (
            "People sleeping rough are targeted by recruiters offering work "
            "and a bed. Hostel and outreach staff saw this happen but were "
            "unsure when it became exploitation, and what to do."
        ),
        "aim": "Help homelessness staff recognise recruitment and refer people.",
        "what_was_done": (
            "The network held an afternoon event with a night shelter, the "
            "Salvation Army and the council's housing team. A survivor spoke "
            "about how she was recruited from a day centre. Staff left with a "
            "pocket card listing the signs and the numbers to ring."
        ),
        "evaluation": (
            "Sixty staff from twelve services came. Three months later half "
            "of those asked said they had used the card, and the shelter made "
            "its first two referrals."
        ),
        "resources": "£1,000 for the venue, printing and travel costs.",
        "contact_role": "Leeds forum secretariat",
        "contact_email": "leeds.forum@leeds.example.org",
        "organisations": ["leeds-city-council", "quillfield-night-shelter"],
        "partners": ["salvation-army", "harbourlight-survivor-voices"],
        "outcome": "promising",
        "evidence_stage": "local",
        "handling": "public",
        "themes": ["training-and-awareness", "victim-identification"],
        "exploitation_types": ["labour-exploitation", "criminal-exploitation"],
        "sectors": ["homelessness-services"],
        "audiences": ["charities-and-support-services", "local-authorities"],
        "recognition": [],
        "tags": ["rough sleeping", "pocket card"],
        "start_date": "2018-07-01",
        "end_date": "2018-07-31",
        "area": "Leeds",
        "last_reviewed": "2025-02-03",
        "lived_experience": True,
    },
    {
        "network": "west-yorkshire",
        "slug": "training-front-line-staff",
        "title": "Training 3,000 front-line staff",
        "summary": (
            "A half-day course for council, health, fire and charity staff, "
            "delivered by the network with a police trainer and a survivor."
        ),
        "problem": (
            "Most referrals came from a few specialist officers. Staff who "
            "visit homes and workplaces every day, such as housing officers, "
            "health visitors and firefighters, did not know the signs."
        ),
        "aim": "Make every front-line service a possible route to help.",
        "what_was_done": (
            "- Wrote one half-day course with local examples.\n"
            "- Trained trainers in each district so the course could run locally.\n"
            "- Kept a register of who had been trained and when."
        ),
        "evaluation": (
            "More than 3,000 staff were trained in four years. Referrals from "
            "partners other than the police rose every year, and the "
            "inspectorate noted the network's training in its 2017 report."
        ),
        "resources": (
            "A partnerships and training officer post, and trainers' time "
            "given by each organisation."
        ),
        "contact_role": "Partnerships and training officer",
        "contact_email": "training@wyp.example.org",
        "organisations": ["west-yorkshire-police", "opcc-west-yorkshire"],
        "partners": ["emberdale-community-health", "bradford-council"],
        "outcome": "worked",
        "evidence_stage": "local",
        "handling": "public",
        "themes": ["training-and-awareness"],
        "exploitation_types": [
            "labour-exploitation",
            "sexual-exploitation",
            "domestic-servitude",
        ],
        "sectors": ["care-work"],
        "audiences": ["health", "local-authorities", "charities-and-support-services"],
        "recognition": ["recognised-by-hmicfrs"],
        "tags": ["front-line staff", "train the trainer"],
        "start_date": "2014-09-01",
        "end_date": None,
        "area": "West Yorkshire",
        "last_reviewed": "2025-09-22",
    },
    {
        "network": "national-network",
        "slug": "sharing-intelligence-with-european-agencies",
        "title": "Sharing intelligence with European agencies",
        "summary": (
            "How a force worked with Europol and Eurojust on cases where "
            "victims were recruited in Eastern Europe. For police readers only."
        ),
        "problem": (
            "Most victims came from Eastern Europe and many knew their "
            "recruiter before they travelled. Investigations stalled at the "
            "border because evidence and suspects were abroad."
        ),
        "aim": "Bring offenders to justice in the UK and abroad.",
        "what_was_done": (
            "The force named a single point of contact for international "
            "enquiries, used joint investigation teams through Eurojust, and "
            "shared intelligence through Europol's channels from the start "
            "of each case rather than at the end."
        ),
        "evaluation": (
            "Several recruiters were arrested abroad on European Arrest "
            "Warrants and extradited. Other forces now ask the team for help."
        ),
        "resources": "Two investigators part time, and travel for joint team meetings.",
        "contact_role": "Human trafficking team detective inspector",
        "contact_email": "international@wyp.example.org",
        "organisations": ["west-yorkshire-police"],
        "partners": ["national-crime-agency"],
        "outcome": "worked",
        "evidence_stage": "local",
        "handling": "police",
        "themes": ["intelligence-sharing", "pursue-and-prosecution"],
        "exploitation_types": ["labour-exploitation", "sexual-exploitation"],
        "sectors": [],
        "audiences": ["police"],
        "recognition": ["adopted-by-another-force-area"],
        "tags": ["Europol", "extradition"],
        "start_date": "2016-01-01",
        "end_date": None,
        "area": "West Yorkshire and Europe",
        "last_reviewed": "2025-04-01",
    },
    {
        "network": "west-yorkshire",
        "slug": "national-referral-mechanism-pilot",
        "title": "Testing a new way of deciding referrals",
        "summary": (
            "West Yorkshire was one of two pilot areas for a panel that decided "
            "National Referral Mechanism cases locally."
        ),
        "problem": (
            "Decisions on whether someone was a victim took months and were "
            "made far away by people who had never met them. Support could "
            "stop before a decision was made."
        ),
        "aim": "Faster, better informed decisions, made with local agencies.",
        "what_was_done": (
            "A panel of police, council, health and charity members met every "
            "fortnight to decide cases referred in the area, with a "
            "coordinator who prepared each case."
        ),
        "evaluation": (
            "An independent evaluation found decisions were quicker but not "
            "more consistent, and the panel was hard to staff. The national "
            "reforms took a different route."
        ),
        "resources": "A coordinator post and about a day a fortnight from each member.",
        "contact_role": "Safeguarding coordinator",
        "contact_email": "safeguarding@opcc-wy.example.org",
        "organisations": ["opcc-west-yorkshire"],
        "partners": [
            "home-office-modern-slavery-unit",
            "salvation-army",
            "west-yorkshire-police",
        ],
        "outcome": "did_not_work",
        "evidence_stage": "independent",
        "handling": "public",
        "themes": ["victim-support", "partnership"],
        "exploitation_types": [],
        "sectors": [],
        "audiences": ["police", "local-authorities", "charities-and-support-services"],
        "recognition": [],
        "tags": ["NRM", "pilot"],
        "start_date": "2015-08-01",
        "end_date": "2017-03-31",
        "area": "West Yorkshire",
        "last_reviewed": "2024-11-18",
    },
    {
        "network": "kirklees",
        "slug": "car-wash-welfare-checks",
        "title": "Welfare checks at hand car washes",
        "summary": (
            "Licensing, police and the GLAA visit hand car washes together and "
            "speak to workers one at a time, with an interpreter."
        ),
        "problem": (
            "Workers at hand car washes were not asked about pay, hours or "
            "housing, and nobody checked who held their passports."
        ),
        "aim": "Speak privately to every car wash worker in the district within a year.",
        "what_was_done": (
            "- Agreed a joint visit plan and a short list of questions.\n"
            "- Took an interpreter and a leaflet in six languages.\n"
            "- Spoke to workers one at a time, away from managers.\n"
            "- Passed concerns to the police the same day."
        ),
        "evaluation": (
            "Forty-one sites were visited in the first year. Eleven workers "
            "were referred for support and two sites were closed."
        ),
        "resources": "Two officers for half a day a week; interpreting was the main cost.",
        "contact_role": "Modern slavery coordinator",
        "contact_email": "modern.slavery@kirklees.example.org",
        "organisations": ["kirklees-council", "west-yorkshire-police"],
        "partners": ["glaa", "riverbend-interpreting"],
        "outcome": "worked",
        "evidence_stage": "local",
        "handling": "public",
        "themes": ["victim-identification", "partnership"],
        "exploitation_types": ["labour-exploitation"],
        "sectors": ["car-washes"],
        "audiences": ["local-authorities", "police"],
        "recognition": [],
        "tags": ["car washes", "joint visits"],
        "start_date": "2019-04-01",
        "end_date": None,
        "area": "Kirklees",
        "last_reviewed": "2025-03-15",
    },
    {
        "network": "bradford",
        "slug": "nail-bar-owners-checklist",
        "title": "A checklist for nail bar owners",
        "summary": (
            "Evening sessions with the salon owners' forum and a checklist "
            "owners keep behind the counter."
        ),
        "problem": (
            "Salon owners took on staff through agencies and did not know how "
            "to check they were paid and free to leave. Inspectors had found "
            "people sleeping in nail bars."
        ),
        "aim": "Help owners spot the signs and know who to call.",
        "what_was_done": (
            "Two evening sessions run with the owners' forum, in English and "
            "Vietnamese, and a one-page checklist."
        ),
        "evaluation": "It is too early to say: the sessions ran this year.",
        "resources": "One evening of officer time per session, translation and printing.",
        "contact_role": "Community safety officer",
        "contact_email": "community.safety@bradford.example.org",
        "organisations": ["bradford-council"],
        "partners": ["glossmere-nail-salon-forum", "west-yorkshire-police"],
        "outcome": "untested",
        "evidence_stage": "untested",
        "handling": "public",
        "themes": ["prevention", "training-and-awareness"],
        "exploitation_types": ["labour-exploitation"],
        "sectors": ["nail-bars-and-beauty"],
        "audiences": ["businesses"],
        "recognition": [],
        "tags": ["nail bars", "checklists"],
        "start_date": "2025-01-15",
        "end_date": None,
        "area": "Bradford",
        "last_reviewed": "2025-06-30",
    },
    {
        "network": "wakefield",
        "slug": "county-lines-return-interviews",
        "title": "Return interviews for children missing on county lines",
        "summary": (
            "A youth worker, not a police officer, talks to every child who "
            "comes back after going missing, within three days."
        ),
        "problem": (
            "Children were being sent to sell drugs in other towns and came "
            "back without anyone asking where they had been or who sent them."
        ),
        "aim": "Learn who is exploiting children and get them help sooner.",
        "what_was_done": (
            "The council's youth service took over return interviews. What "
            "children said was shared with the police as intelligence, with "
            "the child's safety plan kept separate."
        ),
        "evaluation": (
            "More children agreed to talk, and several addresses used for "
            "cuckooing were identified. A full evaluation is under way."
        ),
        "resources": "One youth worker post, shared with missing-from-care work.",
        "contact_role": "Missing and exploited children lead",
        "contact_email": "exploitation@wakefield.example.org",
        "organisations": ["wakefield-council"],
        "partners": ["west-yorkshire-police", "tallowmere-partnership-support"],
        "outcome": "promising",
        "evidence_stage": "untested",
        "handling": "public",
        "themes": ["victim-support", "intelligence-sharing"],
        "exploitation_types": ["criminal-exploitation", "child-trafficking"],
        "sectors": [],
        "audiences": ["local-authorities", "police"],
        "recognition": [],
        "tags": ["county lines", "missing children"],
        "start_date": "2023-09-01",
        "end_date": None,
        "area": "Wakefield",
        "last_reviewed": "2025-08-04",
        "content_warning": "Describes the criminal exploitation of children.",
    },
    {
        "network": "calderdale",
        "slug": "partner-referral-pathway-for-gp-practices",
        "title": "A referral pathway for GP practices",
        "summary": (
            "Who a GP practice calls, and what happens next, when a patient "
            "may be a victim. For network partners only."
        ),
        "problem": (
            "Practice staff did not know whether to ring the police, social "
            "care or a charity, and worried about consent."
        ),
        "aim": "One clear route for primary care, agreed by every partner.",
        "what_was_done": (
            "The forum mapped the routes that existed, agreed one pathway with "
            "the primary care federation, and added it to the practices' "
            "safeguarding folders with the names of local leads."
        ),
        "evaluation": (
            "Referrals from GP practices went from none to a handful in the "
            "first year, and staff said they felt more confident."
        ),
        "resources": "Time from the forum chair and the federation's safeguarding lead.",
        "contact_role": "Safeguarding lead, primary care federation",
        "contact_email": "safeguarding@kestrelgate.example.org",
        "organisations": ["kestrelgate-primary-care", "calderdale-council"],
        "partners": ["haverly-refuge-trust"],
        "outcome": "promising",
        "evidence_stage": "local",
        "handling": "partners",
        "themes": ["victim-identification", "partnership"],
        "exploitation_types": ["domestic-servitude", "sexual-exploitation"],
        "sectors": [],
        "audiences": ["health"],
        "recognition": [],
        "tags": ["GP practices", "referral pathway"],
        "start_date": "2022-04-01",
        "end_date": None,
        "area": "Calderdale",
        "last_reviewed": "2025-01-20",
    },
    {
        "network": "national-network",
        "slug": "modern-slavery-in-police-and-crime-plans",
        "title": "Putting modern slavery in every police and crime plan",
        "summary": (
            "Commissioners agreed to name modern slavery in their plans and "
            "to ask their chief constables about it in public meetings."
        ),
        "problem": (
            "Some force areas reported few or no referrals. That did not mean "
            "there were no victims: nobody was asking."
        ),
        "aim": "Hold every force to account for its response to modern slavery.",
        "what_was_done": (
            "The national network wrote to every commissioner, shared model "
            "wording for plans, and offered a set of questions to put to chief "
            "constables at their public accountability meetings."
        ),
        "evaluation": (
            "Most commissioners now include modern slavery in their plans. "
            "Whether that changed what forces do has not been measured."
        ),
        "resources": "The national coordinator's time.",
        "contact_role": "National network coordinator",
        "contact_email": "national.network@apcc.example.org",
        "organisations": ["apcc", "opcc-west-yorkshire"],
        "partners": ["npcc", "independent-anti-slavery-commissioner"],
        "outcome": "promising",
        "evidence_stage": "untested",
        "handling": "public",
        "themes": ["partnership", "pursue-and-prosecution"],
        "exploitation_types": [],
        "sectors": [],
        "audiences": ["police"],
        "recognition": [],
        "tags": ["accountability", "police and crime plans"],
        "start_date": "2016-10-01",
        "end_date": None,
        "area": "England and Wales",
        "last_reviewed": "2025-07-07",
    },
    {
        "network": "national-network",
        "slug": "construction-site-supply-chain-checks",
        "title": "Supply chain checks on construction sites",
        "summary": (
            "A builder and a recruitment agency checked who really employed "
            "the workers on their sites, down to the last subcontractor."
        ),
        "problem": (
            "Labour on large sites came through several layers of "
            "subcontractors. Nobody at the top knew who was paying the "
            "workers, or how much."
        ),
        "aim": "Make sure every worker on site is paid directly and fairly.",
        "what_was_done": (
            "- Asked every subcontractor to name its labour provider.\n"
            "- Interviewed a sample of workers on site, in their language.\n"
            "- Checked bank details against payroll for shared accounts."
        ),
        "evaluation": (
            "Two labour providers were removed from the supply chain and the "
            "GLAA investigated one of them. An independent audit confirmed "
            "the checks were being done."
        ),
        "resources": "An auditor for two weeks a year and interpreters for site visits.",
        "contact_role": "Head of responsible sourcing",
        "contact_email": "responsible.sourcing@millrace.example.org",
        "organisations": ["millrace-construction", "fairhire-recruitment"],
        "partners": ["glaa"],
        "outcome": "worked",
        "evidence_stage": "independent",
        "handling": "public",
        "themes": ["supply-chains", "prevention"],
        "exploitation_types": ["labour-exploitation"],
        "sectors": ["construction"],
        "audiences": ["businesses"],
        "recognition": [],
        "tags": ["supply chains", "subcontractors"],
        "start_date": "2020-02-01",
        "end_date": None,
        "area": "UK-wide",
        "last_reviewed": "2025-10-13",
    },
    {
        "network": "leeds",
        "slug": "faith-groups-awareness-sundays",
        "title": "Awareness Sundays with faith groups",
        "summary": (
            "Short talks after services in churches, mosques and gurdwaras, "
            "led by members of each congregation."
        ),
        "problem": (
            "Some victims are reached first by faith communities, which offer "
            "food, shelter and a place to talk."
        ),
        "aim": "Help faith groups spot exploitation and know who to call.",
        "what_was_done": (
            "The faith forum trained twelve volunteers, who gave ten-minute "
            "talks after services and left the helpline number on notice boards."
        ),
        "evaluation": (
            "Attendance was good but calls to the helpline from the area did "
            "not change, and volunteers found it hard to keep going. The "
            "forum now folds the talk into wider safeguarding training."
        ),
        "resources": "Volunteers' time and printing.",
        "contact_role": "Forum coordinator",
        "contact_email": "coordinator@westbeck-faith.example.org",
        "organisations": ["westbeck-faith-forum"],
        "partners": ["modern-slavery-helpline"],
        "outcome": "did_not_work",
        "evidence_stage": "local",
        "handling": "public",
        "themes": ["training-and-awareness", "prevention"],
        "exploitation_types": ["domestic-servitude", "labour-exploitation"],
        "sectors": [],
        "audiences": ["the-public"],
        "recognition": [],
        "tags": ["faith groups", "volunteers"],
        "start_date": "2021-03-01",
        "end_date": "2022-03-31",
        "area": "Leeds",
        "last_reviewed": "2024-12-09",
    },
    {
        "network": "west-yorkshire",
        "slug": "safer-communities-fund-grants",
        "title": "Small grants for community groups",
        "summary": (
            "The commissioner's Safer Communities Fund gave small grants to "
            "eight groups supporting victims or raising awareness."
        ),
        "problem": (
            "Small community groups reach people that statutory services do "
            "not, but had no money for anti-slavery work."
        ),
        "aim": "Fund local groups to reach communities the network cannot.",
        "what_was_done": (
            "Grants of up to £5,000 were offered through a short application. "
            "Each group reported back on what it did and whom it reached."
        ),
        "evaluation": (
            "£36,343 went to eight organisations. Their reports show who was "
            "reached; the effect on referrals was not measured."
        ),
        "resources": "£36,343 in grants, and grant officers' time.",
        "contact_role": "Grants officer",
        "contact_email": "grants@opcc-wy.example.org",
        "organisations": ["opcc-west-yorkshire"],
        "partners": ["brightstep-freedom-project", "northwold-migrant-advice-centre"],
        "outcome": "untested",
        "evidence_stage": "local",
        "handling": "public",
        "themes": ["victim-support", "prevention"],
        "exploitation_types": [],
        "sectors": [],
        "audiences": ["charities-and-support-services"],
        "recognition": [],
        "tags": ["funding", "community groups"],
        "start_date": "2017-04-01",
        "end_date": "2018-03-31",
        "area": "West Yorkshire",
        "last_reviewed": "2025-03-03",
    },
]
