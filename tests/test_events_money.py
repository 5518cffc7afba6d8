"""Money given to campaigns, parties and causes is political giving, not aid (``events/money.py``). Sentences written
for these tests."""


def _types(pipeline, text):
    return [(e.type, e.trigger.text if e.trigger else "") for e in pipeline.code(text).events]


def test_money_given_to_a_campaign_or_a_group_is_no_aid(pipeline):
    for text in ("The Hartwell family gave $5 million to a super PAC backing the senator.",
                 "Mr. Danvers and his brother also provided an additional $3 million to the group last month."):
        assert not any(t == "AID" for t, _w in _types(pipeline, text)), (text, _types(pipeline, text))


def test_money_given_by_or_to_a_state_stays_aid(pipeline):
    for text, word in (("The United States gave $2 billion to Ukraine.", "gave"),
                       ("Qatar provided funding to Hamas.", "provided"),
                       ("The World Bank lent Kenya $100 million.", "lent")):
        assert ("AID", word) in _types(pipeline, text), (text, _types(pipeline, text))
