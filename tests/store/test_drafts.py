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
