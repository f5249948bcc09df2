"""The review loop as a JupyterLab widget: one item at a time, Correct / Wrong / Save
correction / Skip / Back, and the precision estimate updated after every decision.

The widget only wires buttons to :class:`~toolkit.review.store.Review` and the functions of
:mod:`~toolkit.review.items` and :mod:`~toolkit.review.estimate`; every decision is written to
the review folder at once, so closing the notebook loses nothing. Where widgets cannot render,
the output shows the current item and the estimate as plain HTML.
"""

from __future__ import annotations

import html
from typing import Any

from toolkit.errors import ToolkitError
from toolkit.review.estimate import precision_summary, summary_html
from toolkit.review.items import corrected_spans, item_html
from toolkit.review.store import Review

__all__ = ["ReviewWidget", "next_item", "review_widget"]


def next_item(review: Review, after: int | None = None) -> int | None:
    """The first undecided item after ``after`` in review order, wrapping around; None when
    every item is decided."""
    pending = review.pending()
    if not pending:
        return None
    later = [i for i in pending if after is None or i > after]
    return (later or pending)[0]


class ReviewWidget:
    """Review the items of ``review``. The controls are attributes (``correct_button``,
    ``wrong_button``, ``save_button``, ``skip_button``, ``back_button``, and the ``speaker``,
    ``cue``, ``content`` boxes for corrections typed as words); ``current`` is the item shown."""

    def __init__(self, review: Review) -> None:
        import ipywidgets as w

        self.review = review
        self.history: list[int] = []
        self.current: int | None = None
        self.item_view = w.HTML()
        self.message = w.HTML()
        self.summary = w.HTML()
        self.correct_button = w.Button(description="Correct", button_style="success",
                                       tooltip="speaker, cue and content are right")
        self.wrong_button = w.Button(description="Wrong", button_style="danger",
                                     tooltip="this is not an attribution")
        self.skip_button = w.Button(description="Skip", tooltip="decide later")
        self.back_button = w.Button(description="Back", tooltip="the item shown before")
        wide = w.Layout(width="95%")
        self.speaker = w.Text(description="Speaker", layout=wide)
        self.cue = w.Text(description="Cue", layout=wide)
        self.content = w.Textarea(description="Content", layout=w.Layout(width="95%",
                                                                          height="5em"))
        self.save_button = w.Button(description="Save correction", button_style="warning",
                                    tooltip="record the spans typed above (empty or - : none)")
        self.correct_button.on_click(lambda _: self.decide("correct"))
        self.wrong_button.on_click(lambda _: self.decide("wrong"))
        self.save_button.on_click(lambda _: self.save_correction())
        self.skip_button.on_click(lambda _: self.skip())
        self.back_button.on_click(lambda _: self.back())
        self.widget = w.VBox([
            self.item_view,
            w.HBox([self.correct_button, self.wrong_button, self.skip_button,
                    self.back_button]),
            w.HTML("<b>Or correct the spans</b> (type the words as they appear; empty or - "
                   "for none):"),
            self.speaker, self.cue, self.content, self.save_button, self.message, self.summary,
        ])
        self.show(next_item(review) or int(review.sample["item"].iloc[-1]))

    def show(self, item: int) -> None:
        """Show ``item`` with the words of its spans in the correction boxes."""
        self.current = int(item)
        self.item_view.value = item_html(self.review, self.current)
        spans = corrected_spans(self.review, self.current)
        text = self.review.text(self.review.item(self.current)["doc_id"])
        for box, role in ((self.speaker, "speaker"), (self.cue, "cue"),
                          (self.content, "content")):
            span = spans[role]
            box.value = " ".join(text[span[0]:span[1]].split()) if span else ""
        self.summary.value = summary_html(precision_summary(self.review))

    def _advance(self) -> None:
        if self.current is not None:
            self.history.append(self.current)
        following = next_item(self.review, self.current)
        if following is None:
            self.message.value = "<p><b>Every item is reviewed.</b></p>"
            self.show(self.current)
        else:
            self.show(following)

    def decide(self, verdict: str) -> None:
        """Record ``correct`` or ``wrong`` for the item shown and move on."""
        self.review.mark(self.current, verdict)
        self.message.value = f"<p>Item {self.current}: {html.escape(verdict)}.</p>"
        self._advance()

    def save_correction(self) -> None:
        """Record the spans typed in the boxes for the item shown and move on."""
        try:
            spans = corrected_spans(self.review, self.current, speaker=self.speaker.value,
                                    cue=self.cue.value, content=self.content.value)
            decision = self.review.correct(self.current, **spans)
        except ToolkitError as exc:
            self.message.value = f'<p style="color:#b00">{html.escape(str(exc))}</p>'
            return
        self.message.value = f"<p>Item {self.current}: {decision.verdict}.</p>"
        self._advance()

    def skip(self) -> None:
        """Leave the item shown undecided and show the next undecided one."""
        self.message.value = ""
        self._advance()

    def back(self) -> None:
        """Show the item shown before this one (to change its decision)."""
        if self.history:
            self.message.value = ""
            self.show(self.history.pop())

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = (item_html(self.review, self.current)
                               + summary_html(precision_summary(self.review)))
        return bundle


def review_widget(review: Review) -> ReviewWidget:
    """A :class:`ReviewWidget` on ``review`` (from :func:`~toolkit.review.store.start_review`
    or :func:`~toolkit.review.store.open_review`), showing the first undecided item."""
    return ReviewWidget(review)
