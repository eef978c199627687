import unicodedata

from cchc_desktop.store.drafts import delete_draft, latest_draft, save_draft


def test_a_draft_is_saved_replaced_and_deleted(repo):
    assert latest_draft(repo.db) is None
    draft_id = save_draft(repo.db, None, 2, {"plan": {"summary": "một"}})
    assert save_draft(repo.db, draft_id, 5, {"plan": {"summary": "hai"}}) == draft_id
    draft = latest_draft(repo.db)
    assert (draft.id, draft.page, draft.payload) == (draft_id, 5, {"plan": {"summary": "hai"}})
    delete_draft(repo.db, draft_id)
    assert latest_draft(repo.db) is None


def test_draft_text_is_stored_precomposed(repo):
    decomposed = unicodedata.normalize("NFD", "Quyết Thắng")
    save_draft(repo.db, None, 0, {"office": {"name": decomposed}, "list": [decomposed]})
    payload = latest_draft(repo.db).payload
    assert (
        payload["office"]["name"]
        == payload["list"][0]
        == unicodedata.normalize("NFC", "Quyết Thắng")
    )


def test_of_two_drafts_the_one_saved_last_is_offered(repo):
    from datetime import datetime

    from cchc_desktop.core.clock import Clock

    clock = Clock.fixed(datetime(2025, 9, 6, 9, 0))
    newer = save_draft(repo.db, None, 1, {"n": "mới"}, clock)
    clock.set(datetime(2025, 9, 5, 9, 0))
    save_draft(repo.db, None, 4, {"n": "cũ"}, clock)  # saved after, dated before
    assert latest_draft(repo.db).id == newer
    clock.set(datetime(2025, 9, 7, 9, 0))
    touched = save_draft(repo.db, None, 2, {"n": "vừa sửa"}, clock)
    assert latest_draft(repo.db).id == touched


def test_a_draft_that_is_not_json_any_more_comes_back_empty(repo):
    draft_id = save_draft(repo.db, None, 3, {"plan": None})
    repo.db.execute("UPDATE wizard_drafts SET payload = '{hỏng' WHERE id = ?", [draft_id])
    assert latest_draft(repo.db).payload == {}
