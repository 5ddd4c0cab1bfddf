"""Admin panels for training records."""

from wagtail.admin.panels import Panel


class CertificateLinksPanel(Panel):
    """
    Links to print each saved named attendee's certificate, beside the names
    on the record's edit screen: the only place coordinators see them.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/certificate_links_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # Only saved names have a certificate address; unsaved rows in
            # the form below are not in the database yet.
            context["attendees"] = (
                self.instance.named_attendees.all() if self.instance.pk else []
            )
            return context
