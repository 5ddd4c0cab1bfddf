"""
Demo governance content: meetings, district action plans and the funding
register of the West Yorkshire network, written from the source material.
Recipients of awards are the fictional organisations of the demo directory.
"""

DISTRICTS = ["bradford", "calderdale", "kirklees", "leeds", "wakefield"]

# Meetings in the past, by date; "minutes" is (approved on, restricted to, text).
MEETINGS = [
    {
        "network": "west-yorkshire",
        "slug": "community-outcomes-meeting-january-2018",
        "title": "Community outcomes meeting: safeguarding vulnerable people, January 2018",
        "summary": (
            "The Commissioner holds the Chief Constable to account in public. "
            "One of the two trafficking and slavery reports of the year."
        ),
        "kind": "community_outcomes",
        "date": (2018, 1, 8),
        "hour": 10,
        "venue": "Office of the Police and Crime Commissioner, Wakefield",
        "agenda": [
            ("Report on human trafficking and modern slavery", "West Yorkshire Police"),
            ("Closing gaps in intelligence", "West Yorkshire Police"),
            ("Use of the Modern Slavery Act since 2015", "West Yorkshire Police"),
            (
                "Delivering training consistently across the force",
                "West Yorkshire Police",
            ),
            (
                "What the Police Transformation Programme will bring",
                "Commissioner's office",
            ),
        ],
        "actions": [
            (
                "Report back on how training is checked across every division",
                "west-yorkshire-police",
                (2018, 7, 9),
                "done",
            ),
        ],
        "minutes": (
            (2018, 2, 5),
            None,
            "The Commissioner asked how gaps in intelligence were being closed, how "
            "the 2015 Act had been used, how training was delivered consistently, "
            "and what the Transformation Programme would mean locally. The force "
            "described the dedicated trafficking team set up in 2014, now joined by "
            "more investigators, and its work to bring trafficking cases into "
            "everyday divisional policing.",
        ),
    },
    {
        "network": "west-yorkshire",
        "slug": "community-outcomes-meeting-july-2018",
        "title": "Community outcomes meeting: safeguarding vulnerable people, July 2018",
        "summary": "The second trafficking and slavery report of the year.",
        "kind": "community_outcomes",
        "date": (2018, 7, 9),
        "hour": 10,
        "venue": "Office of the Police and Crime Commissioner, Wakefield",
        "agenda": [
            ("Report on human trafficking and modern slavery", "West Yorkshire Police"),
            ("Progress on training delivery", "West Yorkshire Police"),
        ],
        "actions": [],
        "minutes": None,
    },
    {
        "network": "west-yorkshire",
        "slug": "network-meeting-february-2018",
        "title": "West Yorkshire network meeting, February 2018",
        "summary": "Updates from the five district forums and plans for the homelessness awareness event.",
        "kind": "network",
        "date": (2018, 2, 14),
        "hour": 13,
        "venue": "Carr Gate",
        "agenda": [
            ("Update from the Bradford forum", "Bradford forum"),
            ("Update from the Calderdale forum", "Calderdale forum"),
            ("Update from the Kirklees forum", "Kirklees forum"),
            ("Update from the Leeds forum", "Leeds forum"),
            ("Update from the Wakefield forum", "Wakefield forum"),
            ("Planning the homelessness awareness event", "Commissioner's office"),
        ],
        "actions": [
            (
                "Book a venue for the summer awareness event for the homelessness sector",
                "opcc-west-yorkshire",
                (2018, 4, 30),
                "done",
            ),
            (
                "Share district links between trafficking cases and organised crime groups",
                "west-yorkshire-police",
                (2018, 5, 16),
                "in_progress",
            ),
        ],
        "minutes": (
            (2018, 5, 16),
            "partners",
            "Each district forum reported on its action plan. Forums described "
            "clear links between trafficking cases and organised crime groups in "
            "their areas. The network agreed to use the £1,000 made available to "
            "the Commissioner for an awareness event for the homelessness sector "
            "in the summer.",
        ),
    },
    {
        "network": "west-yorkshire",
        "slug": "network-meeting-may-2018",
        "title": "West Yorkshire network meeting, May 2018",
        "summary": "Updates from the five district forums.",
        "kind": "network",
        "date": (2018, 5, 16),
        "hour": 13,
        "venue": "Carr Gate",
        "agenda": [
            ("Minutes of the February meeting", "Chair"),
            ("Updates from the five district forums", "District forum chairs"),
        ],
        "actions": [],
        "minutes": None,
    },
]

# A forum meeting for each district, a week apart, in the last quarter of 2017-18.
DISTRICT_MEETING = {
    "title": "{forum} meeting, {day:%B %Y}",
    "summary": "The forum's quarterly meeting: action plan progress and local cases.",
    "date": (2018, 2, 19),
    "agenda": [
        ("Action plan progress", "Forum chair"),
        ("Local cases and referrals", "West Yorkshire Police"),
        ("Update for the West Yorkshire network", "Forum chair"),
    ],
}

# Upcoming meetings, dated in days from the day the demo is loaded.
UPCOMING_MEETINGS = [
    {
        "network": "west-yorkshire",
        "slug": "network-meeting-next",
        "title": "West Yorkshire network meeting",
        "summary": "Updates from the five district forums.",
        "kind": "network",
        "days": 30,
        "hour": 13,
        "venue": "Carr Gate",
    },
    {
        "network": "west-yorkshire",
        "slug": "community-outcomes-meeting-next",
        "title": "Community outcomes meeting: safeguarding vulnerable people",
        "summary": "The twice-yearly report on trafficking and slavery to the Commissioner.",
        "kind": "community_outcomes",
        "days": 75,
        "hour": 10,
        "online_link": "https://meet.example.org/community-outcomes",
    },
]

# Each district's plan: (strand, action, lead organisation slug, due in days
# from today, status, [(days ago, progress note)]). "{council}" is the
# district's council.
DISTRICT_ACTIONS = [
    (
        "pursue",
        "Share intelligence on suspected exploitation at car washes with the police",
        "west-yorkshire-police",
        120,
        "green",
        [(40, "Joint visits agreed with licensing officers.")],
    ),
    (
        "prevent",
        "Brief taxi and private hire drivers on the signs of exploitation",
        "{council}",
        -20,
        "amber",
        [(60, "Briefing written; sessions not yet booked.")],
    ),
    (
        "protect",
        "Agree a referral route from the night shelters to the National Referral Mechanism",
        "{council}",
        45,
        "green",
        [(30, "Draft route shared with the shelters for comment.")],
    ),
    (
        "prepare",
        "Train front-line council staff as first responders",
        "{council}",
        200,
        "amber",
        [(15, "Two of five sessions held.")],
    ),
    (
        "protect",
        "Publish a directory of local support for survivors",
        "salvation-army",
        -90,
        "complete",
        [(100, "Directory published on the forum's page.")],
    ),
]

FUNDS = [
    {
        "name": "Safer Communities Fund",
        "funder": "Police and Crime Commissioner for West Yorkshire",
        "network": "west-yorkshire",
        "total": "40000",
        "start": (2017, 4, 1),
        "end": (2018, 3, 31),
        # (recipient slug, amount, purpose, awarded on)
        "awards": [
            (
                "brightstep-freedom-project",
                "6250",
                "Caseworker hours for survivors leaving safe houses",
                (2017, 6, 12),
            ),
            (
                "northwold-migrant-advice-centre",
                "5480",
                "Know-your-rights sessions for migrant workers",
                (2017, 7, 3),
            ),
            (
                "quillfield-night-shelter",
                "4975",
                "Training shelter staff to spot and refer potential victims",
                (2017, 7, 24),
            ),
            (
                "haverly-refuge-trust",
                "4800",
                "Interpreting for women in its safe houses",
                (2017, 9, 11),
            ),
            (
                "harbourlight-survivor-voices",
                "4563",
                "Survivor panels to review local services",
                (2017, 10, 2),
            ),
            (
                "emberdale-community-health",
                "4100",
                "Slavery awareness for community nurses",
                (2017, 11, 6),
            ),
            (
                "kestrelgate-primary-care",
                "3450",
                "Guidance cards for GP receptionists",
                (2018, 1, 15),
            ),
            (
                "suds-and-shine-car-wash-association",
                "2725",
                "A fair-work charter for hand car washes",
                (2018, 2, 19),
            ),
        ],
    },
    {
        "name": "Awareness-raising allocation",
        "funder": "Modern Slavery Police Transformation Programme",
        "network": "west-yorkshire",
        "total": "1000",
        "start": (2017, 4, 1),
        "end": (2018, 9, 30),
        "awards": [
            (
                "opcc-west-yorkshire",
                "1000",
                "An awareness event for the homelessness sector, summer 2018",
                (2018, 3, 1),
            ),
        ],
    },
]
