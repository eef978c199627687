"""Shaping the body as an officer does in Word: add, delete, move, indent and outdent items,
choose a list's marker, turn a heading into text and back. Items are found by uid; ``base``
is the depth of the list being edited in the whole body (0 for the sections themselves), so
that an item moved to another depth takes the kind and marker that depth uses.

Any change of a list's shape drops the labels kept as typed there (an imported "e)"): the
numbers are computed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.core.model import ItemKind, ItemRole, Marker, PlanItem, new_uid, walk
from cchc_desktop.core.numbering import default_kind, default_marker


@dataclass(frozen=True, slots=True)
class Place:
    """Where an item stands: the list that holds it, its index there and its depth."""

    siblings: list[PlanItem]
    index: int
    depth: int
    parent: PlanItem | None

    @property
    def item(self) -> PlanItem:
        return self.siblings[self.index]


def locate(items: list[PlanItem], uid: str, base: int = 0) -> Place | None:
    """The place of the item ``uid`` in the tree ``items`` (whose depth is ``base``)."""

    def search(nodes: list[PlanItem], depth: int, parent: PlanItem | None) -> Place | None:
        for index, node in enumerate(nodes):
            if node.uid == uid:
                return Place(nodes, index, depth, parent)
            found = search(node.children, depth + 1, node)
            if found is not None:
                return found
        return None

    return search(items, base, None)


def _renumber(siblings: list[PlanItem]) -> None:
    for item in siblings:
        item.label = ""


def _like(siblings: list[PlanItem], exclude: PlanItem | None = None) -> PlanItem | None:
    """A neighbour whose kind and marker a newcomer to this list should take: the last one
    with a marker, else the last one."""
    others = [s for s in siblings if s is not exclude]
    marked = [s for s in others if s.numbering is not Marker.NONE]
    found = marked or others
    return found[-1] if found else None


def _fit(item: PlanItem, siblings: list[PlanItem], depth: int, *, moved: bool) -> None:
    """An item arriving in a list takes the kind and marker of the list, or of its depth. A
    moved item with nothing under it stays text among headings ("2. Tuyên truyền …"): a
    heading without content would not print."""
    like = _like(siblings, exclude=item)
    kind, marker = (
        (like.kind, like.numbering) if like else (default_kind(depth), default_marker(depth))
    )
    if moved and kind.is_heading and not item.children:
        kind = ItemKind.POINT
    item.kind, item.marker = kind, marker


def new_item(siblings: list[PlanItem], depth: int, text: str = "") -> PlanItem:
    """A new ticked item shaped like the list it joins (among units' blocks, a unit's block)."""
    item = PlanItem(default_kind(depth), text, uid=new_uid())
    _fit(item, siblings, depth, moved=False)
    if any(s.role is ItemRole.UNIT for s in siblings):
        item.role = ItemRole.UNIT
    return item


def add_after(items: list[PlanItem], uid: str | None, text: str = "", base: int = 0) -> PlanItem:
    """A new item right after ``uid`` (at the end of the top list when None)."""
    place = locate(items, uid, base) if uid else None
    if place is None:
        item = new_item(items, base, text)
        items.append(item)
        _renumber(items)
        return item
    item = new_item(place.siblings, place.depth, text)
    place.siblings.insert(place.index + 1, item)
    _renumber(place.siblings)
    return item


def add_child(items: list[PlanItem], uid: str, text: str = "", base: int = 0) -> PlanItem:
    """A new item at the end of ``uid``'s children."""
    place = locate(items, uid, base)
    if place is None:
        return add_after(items, None, text, base)
    parent = place.item
    item = new_item(parent.children, place.depth + 1, text)
    parent.children.append(item)
    _renumber(parent.children)
    return item


def remove(items: list[PlanItem], uid: str, base: int = 0) -> PlanItem | None:
    """Take the item (and what is under it) out of the tree."""
    place = locate(items, uid, base)
    if place is None:
        return None
    item = place.siblings.pop(place.index)
    _renumber(place.siblings)
    return item


def move(items: list[PlanItem], uid: str, step: int, base: int = 0) -> bool:
    """Up (-1) or down (+1) among its siblings."""
    place = locate(items, uid, base)
    if place is None:
        return False
    target = place.index + step
    if not 0 <= target < len(place.siblings):
        return False
    siblings = place.siblings
    siblings[place.index], siblings[target] = siblings[target], siblings[place.index]
    _renumber(siblings)
    return True


def indent(items: list[PlanItem], uid: str, base: int = 0) -> bool:
    """Under the item before it, as its last child ("1." becomes "a)", "a)" becomes "-")."""
    place = locate(items, uid, base)
    if place is None or place.index == 0:
        return False
    item = place.siblings.pop(place.index)
    new_parent = place.siblings[place.index - 1]
    new_parent.children.append(item)
    _fit(item, new_parent.children, place.depth + 1, moved=True)
    _renumber(place.siblings)
    _renumber(new_parent.children)
    return True


def outdent(items: list[PlanItem], uid: str, base: int = 0) -> bool:
    """Out of its parent, right after it ("a)" becomes "2.", a subsection becomes a section);
    the items after it in the old list stay where they were."""
    place = locate(items, uid, base)
    if place is None or place.parent is None:
        return False
    outer = locate(items, place.parent.uid, base)
    assert outer is not None
    item = place.siblings.pop(place.index)
    outer.siblings.insert(outer.index + 1, item)
    _fit(item, outer.siblings, outer.depth, moved=True)
    _renumber(place.siblings)
    _renumber(outer.siblings)
    return True


def set_list_marker(items: list[PlanItem], uid: str, marker: Marker, base: int = 0) -> None:
    """The marker of the item's list: every sibling numbered as it was takes the new one (an
    unmarked paragraph introducing a lettered list keeps none)."""
    place = locate(items, uid, base)
    if place is None:
        return
    old = place.item.numbering
    for sibling in place.siblings:
        if sibling.numbering is old and sibling.kind is place.item.kind:
            sibling.marker = marker
    _renumber(place.siblings)


def set_kind(items: list[PlanItem], uid: str, kind: ItemKind, base: int = 0) -> None:
    """A heading becomes text or the other way (how it prints; its marker stays)."""
    place = locate(items, uid, base)
    if place is not None:
        place.item.kind = kind


def renumber(items: list[PlanItem], uid: str, base: int = 0) -> None:
    """Drop the labels kept as typed in the item's list: count again."""
    place = locate(items, uid, base)
    if place is not None:
        _renumber(place.siblings)


def has_typed_labels(items: list[PlanItem]) -> bool:
    return any(i.label for i in walk(items))


Shape = list[tuple[str, "Shape"]]


def shape_of(items: list[PlanItem]) -> Shape:
    """The tree as nested uids."""
    return [(item.uid, shape_of(item.children)) for item in items]


def reshape(items: list[PlanItem], shape: Shape, base: int = 0) -> None:
    """Rearrange the tree as ``shape`` says (after a drag and drop): the same items, each
    moved where its uid stands; an item that changed depth takes its new list's kind and
    marker, and the lists that changed are counted again."""
    depths: dict[str, int] = {}
    by_uid: dict[str, PlanItem] = {}

    def index(nodes: list[PlanItem], depth: int) -> None:
        for node in nodes:
            depths[node.uid] = depth
            by_uid[node.uid] = node
            index(node.children, depth + 1)

    index(items, base)
    before = {uid: [c.uid for c in node.children] for uid, node in by_uid.items()}
    top_before = [i.uid for i in items]

    def build(nodes: Shape, depth: int) -> list[PlanItem]:
        built = []
        for uid, children in nodes:
            node = by_uid[uid]
            node.children = build(children, depth + 1)
            built.append(node)
        for node in built:
            if depths[node.uid] != depth:
                _fit(node, built, depth, moved=True)
        return built

    items[:] = build(shape, base)
    if [i.uid for i in items] != top_before:
        _renumber(items)
    for uid, node in by_uid.items():
        if [c.uid for c in node.children] != before[uid]:
            _renumber(node.children)
