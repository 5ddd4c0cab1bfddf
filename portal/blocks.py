"""StreamField blocks shared by the portal's page types."""

from wagtail import blocks


class BodyBlock(blocks.StreamBlock):
    """Body of a content page: headings, rich text and call-outs."""

    heading = blocks.CharBlock(
        form_classname="title",
        max_length=120,
        help_text="A section heading. Keep it short and descriptive.",
        template="components/streamfield/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/streamfield/blocks/paragraph_block.html",
    )
    inset = blocks.TextBlock(
        help_text="A short call-out that stands apart from the text around it.",
        template="components/streamfield/blocks/inset_block.html",
    )

    class Meta:
        template = "components/streamfield/body.html"
