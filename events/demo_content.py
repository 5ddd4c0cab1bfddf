"""
The demo's events: three from the seeds (2018), upcoming ones dated from
the day the demo is loaded, so the calendar is never empty, and recent
training sessions whose attendance became training records.

`days` counts from today; `hour` and `hours` are UK time. `network` is the
slug of the organising network; `series` puts the event in a roadshow.
"""

PAST_EVENTS = [
    {
        "slug": "regional-roadshow-carr-gate-2018",
        "title": "Regional modern slavery roadshow: Carr Gate",
        "network": "west-yorkshire",
        "event_type": "roadshow_stop",
        "audience": "practitioners",
        "date": (2018, 6, 14),
        "hour": 9,
        "hours": 6,
        "venue_name": "Carr Gate",
        "venue_address": "Carr Gate Police Complex, Wakefield",
        "venue_postcode": "WF2 0QW",
        "summary": "A day for frontline staff across West Yorkshire on spotting exploitation and making referrals.",
        "co_hosts": ["west-yorkshire-police"],
    },
    {
        "slug": "engagement-day-north-2018",
        "title": "Engagement day for chief officers and commissioners in the north",
        "network": "national-network",
        "event_type": "engagement_day",
        "audience": "chief_officers",
        "date": (2018, 3, 2),
        "hour": 10,
        "hours": 5,
        "venue_name": "Leeds Civic Hall",
        "venue_address": "Calverley Street, Leeds",
        "venue_postcode": "LS1 1UR",
        "summary": "Chief officers and commissioners from the northern regions on what partnership working needs from them.",
        "co_hosts": ["opcc-west-yorkshire"],
    },
    {
        "slug": "homelessness-awareness-event-2018",
        "title": "Modern slavery awareness for homelessness services",
        "network": "leeds",
        "event_type": "awareness_event",
        "audience": "homelessness",
        "date": (2018, 7, 19),
        "hour": 13,
        "hours": 3,
        "venue_name": "St George's Crypt",
        "venue_address": "Great George Street, Leeds",
        "venue_postcode": "LS1 3BR",
        "summary": "Hostel and outreach staff on why rough sleepers are targeted and what to do when someone discloses.",
        "co_hosts": ["leeds-city-council", "salvation-army"],
    },
]

SERIES = {
    "slug": "county-lines-roadshow",
    "title": "County lines and criminal exploitation roadshow",
    "network": "west-yorkshire",
    "summary": "One day, three towns: how county lines exploit children and adults, and how to respond together.",
}

UPCOMING_EVENTS = [
    {
        "slug": "awareness-week-launch",
        "title": "Anti-Slavery Day awareness launch",
        "network": "west-yorkshire",
        "event_type": "awareness_event",
        "audience": "everyone",
        "days": 9,
        "hour": 10,
        "hours": 2,
        "venue_name": "Wakefield One",
        "venue_address": "Burton Street, Wakefield",
        "venue_postcode": "WF1 2EB",
        "online_link": "https://meet.example.org/awareness-launch",
        "capacity": 80,
        "summary": "Launching this year's awareness campaign, in the room and online.",
    },
    {
        "slug": "car-wash-checks-briefing",
        "title": "Hand car wash checks: partner briefing",
        "network": "kirklees",
        "event_type": "training_session",
        "audience": "partners",
        "days": 12,
        "hour": 14,
        "hours": 2,
        "venue_name": "Huddersfield Town Hall",
        "venue_address": "Ramsden Street, Huddersfield",
        "venue_postcode": "HD1 2TA",
        "capacity": 30,
        "restricted": "partners",
        "summary": "For partner agencies only: the joint visits planned for next month.",
    },
    {
        "slug": "supply-chains-breakfast",
        "title": "Supply chain transparency breakfast for businesses",
        "network": "leeds",
        "event_type": "awareness_event",
        "audience": "business",
        "days": 6,
        "hour": 8,
        "hours": 2,
        "venue_name": "Leeds Civic Hall",
        "venue_address": "Calverley Street, Leeds",
        "venue_postcode": "LS1 1UR",
        "capacity": 2,
        "full": True,
        "summary": "Small employers on checking labour providers. Full: join the waiting list.",
    },
    {
        "slug": "bradford-forum-open-meeting",
        "title": "Bradford forum open meeting",
        "network": "bradford",
        "event_type": "engagement_day",
        "audience": "practitioners",
        "days": 16,
        "hour": 10,
        "hours": 3,
        "venue_name": "City Hall",
        "venue_address": "Centenary Square, Bradford",
        "venue_postcode": "BD1 1HY",
        "status": "cancelled",
        "cancellation_reason": "The venue is closed for repairs. The meeting will be rearranged.",
        "summary": "The forum's quarterly meeting, open to all practitioners.",
    },
    {
        "slug": "national-conference",
        "title": "National network conference",
        "network": "national-network",
        "event_type": "conference",
        "audience": "everyone",
        "days": 40,
        "hour": 0,
        "all_day": True,
        "last_day": 41,
        "venue_name": "Royal Armouries",
        "venue_address": "Armouries Drive, Leeds",
        "venue_postcode": "LS10 1LT",
        "status": "postponed",
        "postponed_days": 75,
        "summary": "Two days on survivor support, prosecutions and prevention.",
    },
    {
        "slug": "county-lines-halifax",
        "title": "County lines roadshow: Halifax",
        "network": "west-yorkshire",
        "series": True,
        "event_type": "roadshow_stop",
        "audience": "practitioners",
        "days": 20,
        "hour": 9,
        "hours": 4,
        "venue_name": "Halifax Town Hall",
        "venue_address": "Crossley Street, Halifax",
        "venue_postcode": "HX1 1UJ",
        "capacity": 40,
        "summary": "The roadshow's Calderdale stop.",
    },
    {
        "slug": "county-lines-dewsbury",
        "title": "County lines roadshow: Dewsbury",
        "network": "west-yorkshire",
        "series": True,
        "event_type": "roadshow_stop",
        "audience": "practitioners",
        "days": 27,
        "hour": 9,
        "hours": 4,
        "venue_name": "Dewsbury Town Hall",
        "venue_address": "Wellington Road, Dewsbury",
        "venue_postcode": "WF13 1DG",
        "capacity": 35,
        "summary": "The roadshow's Kirklees stop.",
    },
    {
        "slug": "county-lines-pontefract",
        "title": "County lines roadshow: Pontefract",
        "network": "west-yorkshire",
        "series": True,
        "event_type": "roadshow_stop",
        "audience": "practitioners",
        "days": 34,
        "hour": 13,
        "hours": 4,
        "venue_name": "Pontefract Town Hall",
        "venue_address": "Market Place, Pontefract",
        "venue_postcode": "WF8 1DG",
        "capacity": 30,
        "summary": "The roadshow's Wakefield district stop.",
    },
]

# People on the full event: two with places, then a waiting list.
FULL_EVENT_ATTENDEES = [
    ("Jo Barker", "jo.barker@example.org"),
    ("Amir Shah", "amir.shah@example.org"),
    ("Lena Novak", "lena.novak@example.org"),
]

# Training -------------------------------------------------------------------
# West Yorkshire's network has trained over 3,000 front-line staff since 2014
# across its five districts: one session a year in each district from the
# 2014–15 financial year, plus the Carr Gate roadshow of 2018 recorded from
# its attendance.

TRAINING_COURSES = [
    {
        "title": "Spotting the signs of modern slavery",
        "audience": "Front-line staff in policing, councils, health and charities",
        "duration": "Half a day",
        "description": "The forms exploitation takes locally, what victims may say and not say, and what to do next.",
        "outcomes": [
            "Recognise the signs of labour, sexual and criminal exploitation",
            "Know when and how to make a National Referral Mechanism referral",
            "Know who to call locally, day and night",
        ],
        "provider": "west-yorkshire-police",
    },
    {
        "title": "First responder training: the National Referral Mechanism",
        "audience": "Staff of first responder organisations",
        "duration": "Three hours",
        "description": "Completing an NRM referral well, with the person's consent, and the duty to notify for adults who do not consent.",
        "outcomes": [
            "Complete an NRM referral with the evidence decision makers need",
            "Explain the NRM to a potential victim in plain words",
        ],
        "provider": "opcc-west-yorkshire",
    },
    {
        "title": "County lines and child criminal exploitation",
        "audience": "Schools, youth services, housing and transport staff",
        "duration": "90 minutes",
        "description": "How children and vulnerable adults are drawn into moving drugs, and how partners share what they see.",
        "outcomes": [
            "Spot cuckooing and the signs a child is being exploited",
            "Share information safely with police and children's services",
        ],
        "provider": "west-yorkshire-police",
    },
]

TRAINING_DISTRICTS = ["bradford", "calderdale", "kirklees", "leeds", "wakefield"]
TRAINING_FIRST_YEAR = 2014
# (police response officers, council officers, charity and health staff):
# the groups cycle by district and year so the totals vary.
TRAINING_GROUPS = [(24, 15, 9), (26, 13, 11), (22, 17, 10), (25, 14, 12), (23, 16, 13)]
TRAINING_ROLES = (
    "Response officers",
    "Housing and safeguarding officers",
    "Support workers",
)
# The roadshow's walk-ins: (organisation, sector, role, count).
ROADSHOW_WALK_INS = [
    ("West Yorkshire Fire and Rescue Service", "other", "Fire safety officers", 18),
    ("Wakefield Council", "local_authority", "Licensing officers", 22),
    ("Yorkshire Ambulance Service", "health", "Paramedics", 15),
]

# Recent training sessions, weeks before the demo is loaded (`days` is
# negative), recorded the way a coordinator does: attendance marked on the
# registration list, walk-ins added, then one action makes the record.
# Registrations are (name, email, organisation slug, role, attended); one
# person in each asked for a certificate and agreed their name is kept.
RECENT_TRAINING_EVENTS = [
    {
        "slug": "spotting-the-signs-leeds-housing",
        "title": "Spotting the signs: Leeds housing and safeguarding staff",
        "network": "leeds",
        "event_type": "training_session",
        "audience": "practitioners",
        "days": -18,
        "hour": 9,
        "hours": 4,
        "venue_name": "Leeds Civic Hall",
        "venue_address": "Calverley Street, Leeds",
        "venue_postcode": "LS1 1UR",
        "capacity": 30,
        "summary": "Half a day for housing officers and support workers on the signs of exploitation and what to do next.",
        "course": "Spotting the signs of modern slavery",
        "registrations": [
            (
                "Priya Desai",
                "priya.desai@example.org",
                "leeds-city-council",
                "Housing officer",
                True,
            ),
            (
                "Tom Hargreaves",
                "tom.hargreaves@example.org",
                "leeds-city-council",
                "Housing officer",
                True,
            ),
            (
                "Grace Okafor",
                "grace.okafor@example.org",
                "leeds-city-council",
                "Safeguarding officer",
                True,
            ),
            (
                "Daniel Webb",
                "daniel.webb@example.org",
                "salvation-army",
                "Support worker",
                True,
            ),
            (
                "Maria Lopes",
                "maria.lopes@example.org",
                "salvation-army",
                "Support worker",
                False,
            ),
            (
                "Sam Fielding",
                "sam.fielding@example.org",
                "west-yorkshire-police",
                "Neighbourhood officer",
                True,
            ),
        ],
        "walk_ins": [
            ("Leeds Housing Options", "local_authority", "Housing officers", 4),
        ],
        "certificate_for": "Grace Okafor",
    },
    {
        "slug": "nrm-first-responders-bradford",
        "title": "First responder training: NRM referrals in Bradford",
        "network": "bradford",
        "event_type": "training_session",
        "audience": "practitioners",
        "days": -39,
        "hour": 13,
        "hours": 3,
        "venue_name": "Bradford City Hall",
        "venue_address": "Channing Way, Bradford",
        "venue_postcode": "BD1 1HY",
        "capacity": 25,
        "summary": "Three hours on completing a National Referral Mechanism referral well.",
        "course": "First responder training: the National Referral Mechanism",
        "registrations": [
            (
                "Imran Hussain",
                "imran.hussain@example.org",
                "bradford-council",
                "Social worker",
                True,
            ),
            (
                "Chloe Brennan",
                "chloe.brennan@example.org",
                "bradford-council",
                "Social worker",
                True,
            ),
            (
                "Kwame Mensah",
                "kwame.mensah@example.org",
                "west-yorkshire-police",
                "Detective constable",
                True,
            ),
            (
                "Ellie Shaw",
                "ellie.shaw@example.org",
                "west-yorkshire-police",
                "Detective constable",
                False,
            ),
        ],
        "walk_ins": [
            ("Bradford Teaching Hospitals", "health", "Safeguarding nurses", 3),
        ],
        "certificate_for": "Imran Hussain",
    },
]
