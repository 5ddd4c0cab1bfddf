"""
The demo's accessibility statement and privacy notice, as standard pages.

They describe the portal as it is built. Every period they state is read
from the constant or setting the code that keeps or deletes the data uses,
so the pages cannot promise one thing while the code does another; a test
(tests/portal/test_demo_statements.py) checks the rendered pages say them.
"""

from events.models.training import name_retention_months
from events.registration import RETENTION_MONTHS as REGISTRATION_RETENTION_MONTHS
from network.partners.accounts import CONFIRM_MAX_AGE, DECLINED_KEPT_DAYS
from search.models import FAILED_SEARCH_KEPT_DAYS

CONFIRM_LINK_DAYS = CONFIRM_MAX_AGE // (24 * 60 * 60)
ACCESSIBILITY_EMAIL = "accessibility@network-portal.example.org"


def bullets(*items):
    """A paragraph block holding a bulleted list instead of a paragraph."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def accessibility_statement():
    return {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "summary": (
            "How accessible Network Portal is, how we test it and how to report a "
            "problem."
        ),
        "restriction": None,
        "body": [
            (
                "paragraph",
                "This statement covers Network Portal: the public pages, the pages "
                "for signed-in partners and police, and its forms. The portal's "
                "coordination team runs the site and wants as many people as "
                "possible to be able to use it.",
            ),
            ("heading", "Using this website"),
            (
                "paragraph",
                "You should be able to change colours, contrast and fonts using your "
                "browser or device settings, and zoom in up to 400% without text "
                "spilling off the screen: every page works on a screen 320 pixels "
                "wide without scrolling sideways. You should be able to use the "
                "whole site with only a keyboard, with a visible outline showing "
                "where you are, and with speech recognition software or a screen "
                "reader. We write in plain English.",
            ),
            (
                "paragraph",
                "Wide tables, such as the funding register and the month calendar, "
                "scroll sideways inside their own box on a small screen. You can "
                "move to the box with the Tab key and scroll it with the arrow "
                "keys. Every chart has a table of the same figures beside it.",
            ),
            ("heading", "How accessible this website is"),
            (
                "paragraph",
                "The portal aims to meet the Web Content Accessibility Guidelines "
                "(WCAG) version 2.2 at level AA. We know of these problems:",
            ),
            (
                "paragraph",
                bullets(
                    "some PDF, Word and other documents that partners upload are not "
                    "tagged for screen readers",
                    "the editing screens that network editors and coordinators use "
                    "come from Wagtail, the content management system; we have not "
                    "tested them as fully as the rest of the portal",
                ),
            ),
            ("heading", "Reporting accessibility problems"),
            (
                "paragraph",
                "If you find a problem that is not listed on this page, or you need "
                "information in another format, such as an accessible PDF, large "
                f"print or easy read, email {ACCESSIBILITY_EMAIL}. Tell us the web "
                "address of the page, what you were trying to do and what went "
                "wrong. We will reply within 5 working days.",
            ),
            ("heading", "Enforcement procedure"),
            (
                "paragraph",
                "The Equality and Human Rights Commission (EHRC) enforces the Public "
                "Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you are not happy with how we "
                "respond to your complaint, contact the Equality Advisory and "
                "Support Service (EASS).",
            ),
            ("heading", "Technical information about this website's accessibility"),
            (
                "paragraph",
                "The portal is partially compliant with WCAG 2.2 AA because of the "
                "untagged documents listed above, which fail success criterion "
                "1.3.1 (info and relationships). We ask partners to publish "
                "guidance as pages rather than documents, and fix any document on "
                "request.",
            ),
            ("heading", "How we test the portal"),
            (
                "paragraph",
                "Automated tests in a real browser run on every change to the "
                "portal. They check:",
            ),
            (
                "paragraph",
                bullets(
                    "every type of page and its key states (search results and no "
                    "results, a filtered library, a form sent with mistakes, a full "
                    "event, a failed sign-in, an account request), both signed out "
                    "and signed in, with the axe-core checker against WCAG 2.0, 2.1 "
                    "and 2.2 at levels A and AA",
                    "that no page scrolls sideways on a screen 320 pixels wide",
                    "that someone using only a keyboard can search the portal, open "
                    "a result and register for an event, and can always see where "
                    "they are on the page",
                ),
            ),
            (
                "paragraph",
                "Automated checks find only some problems, so we also welcome "
                "reports from the people who use the portal.",
            ),
            ("heading", "Preparation of this statement"),
            (
                "paragraph",
                "This statement was prepared on 2 November 2026 and last reviewed "
                "on 23 November 2026.",
            ),
        ],
    }


def privacy_notice():
    registrations = REGISTRATION_RETENTION_MONTHS
    return {
        "title": "Privacy notice",
        "slug": "privacy-notice",
        "summary": (
            "What personal data Network Portal holds, why, how long we keep it and "
            "your rights."
        ),
        "restriction": None,
        "body": [
            ("heading", "Who we are"),
            (
                "paragraph",
                "The network coordination team runs Network Portal and is the data "
                "controller for the personal data described here. We handle your "
                "data under the UK General Data Protection Regulation (UK GDPR) and "
                "the Data Protection Act 2018.",
            ),
            (
                "paragraph",
                "Never put information about victims, suspects or live cases on the "
                "portal. Use your organisation's secure systems and the official "
                "referral routes instead.",
            ),
            ("heading", "What we hold and how long we keep it"),
            (
                "paragraph",
                bullets(
                    "<b>Requests for an account</b>: your name, work email address, "
                    "organisation, role, the networks you chose and why you want an "
                    "account. If you do not confirm your address, the request is "
                    f"deleted when the confirmation link expires, after "
                    f"{CONFIRM_LINK_DAYS} days. A declined request is deleted "
                    f"{DECLINED_KEPT_DAYS} days after the decision. An approved "
                    "request is kept with your account.",
                    "<b>Your account</b>: your name, work email address, "
                    "organisation, the networks you belong to and when you last "
                    "signed in. We store your password only in a scrambled (hashed) "
                    "form. We keep your account until you close it from My portal "
                    "or a coordinator closes it. Closing it removes your name and "
                    "email address, your details on event registrations and your "
                    "name on training records, and your calendar address.",
                    "<b>Event registrations</b>: your name, email address, "
                    "organisation, role and any access needs you tell us about. The "
                    "network running the event sees them. They are erased "
                    f"{registrations} months after the event ends; only the numbers "
                    "of places taken and of people who attended are kept.",
                    "<b>Names on training records</b>: training is counted by "
                    "session, organisation and role, without names. A name is kept "
                    "only for someone who wants a certificate of attendance and "
                    "agrees to it, and is erased "
                    f"{name_retention_months()} months after the session.",
                    "<b>Searches that found nothing</b>: the words searched for and "
                    "how many times on each day, so coordinators can fill the gaps. "
                    "Not who searched, their address or the time. These records "
                    f"are deleted after {FAILED_SEARCH_KEPT_DAYS} days.",
                    "<b>Failed sign-ins</b>: to stop people guessing passwords, we "
                    "record failed attempts to sign in, with the username tried and "
                    "the IP address, for a limited time, and lock out repeated "
                    "failures. Passwords are never recorded.",
                ),
            ),
            ("heading", "Cookies"),
            (
                "paragraph",
                "We use only the cookies the portal needs to work: one that keeps "
                "you signed in, which ends when you sign out or stop using the "
                "portal for a while, and one that protects forms from forgery. We "
                "do not use analytics or advertising cookies, and pages load "
                "nothing from other websites.",
            ),
            ("heading", "Our lawful basis"),
            (
                "paragraph",
                "We process account, registration and sign-in data because it is "
                "needed for a task in the public interest: coordinating the "
                "partnership response to modern slavery (UK GDPR Article 6(1)(e)). "
                "We keep names on training records only with your consent (Article "
                "6(1)(a)). If you tell us about a health condition so we can meet "
                "your access needs, we rely on your explicit consent (Article "
                "9(2)(a)).",
            ),
            ("heading", "Who we share it with"),
            (
                "paragraph",
                "Our hosting provider stores the data for us in the UK under a "
                "contract. We share event registrations with the network running "
                "the event. We do not sell your data or send it outside the UK.",
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                "You can ask to see the data we hold about you, and ask us to "
                "correct it, delete it or limit how we use it. You can object to "
                "how we use it. Where we rely on your consent, you can withdraw it "
                "at any time and ask for a copy in a format you can reuse. This "
                "does not affect anything we did before.",
            ),
            ("heading", "Contact us or complain"),
            (
                "paragraph",
                "Email our data protection officer at "
                "dpo@network-portal.example.org. If you are unhappy with our "
                "answer, you can complain to the Information Commissioner's Office "
                "(ICO) at ico.org.uk or on 0303 123 1113. This notice was last "
                "updated on 23 November 2026.",
            ),
        ],
    }
