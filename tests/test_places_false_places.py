"""False places: people, organisations and streets that share a place's name (issue 14)."""

import pytest

from eventwire.places import gazetteer, index


def _mentions(pipeline, text):
    story = pipeline.code(text, date="2020-03-02")
    return {m.span.text: m for m in gazetteer.geoparse(story, index.load()) if m.entry is not None}


@pytest.mark.model
def test_places_a_small_division_named_like_a_person_is_no_place_alone(pipeline):
    # Smith's and Paget are parishes of Bermuda, Michael a sheading of Man: here they are people
    found = _mentions(pipeline, "The mayor of Toronto met officials in Ottawa on Monday. Smith's comments angered "
                                "residents. Michael said fares would fall, and Paget told the meeting he agreed.")
    assert {"Toronto", "Ottawa"} <= set(found)
    assert not {"Smith", "Michael", "Paget"} & set(found)


@pytest.mark.model
def test_places_a_small_division_is_a_place_by_its_company(pipeline):
    found = _mentions(pipeline, "Heavy rain in Nelson and Tasman closed roads, the New Zealand Transport Agency "
                                "said.")
    assert found["Nelson"].entry.country == "NZL"


@pytest.mark.model
@pytest.mark.parametrize("text,name,kept", [
    # a firm's or a team's first word read abroad (a state of Nigeria, a city of Puerto Rico): no place
    ("Delta Air Lines cut flights from Atlanta and Chicago on Monday, the airline said.", "Delta", "Atlanta"),
    ("The Carolina Panthers beat the Dallas Cowboys in Charlotte on Sunday.", "Carolina", "Charlotte"),
])
def test_places_a_firm_named_after_a_place_abroad_is_no_place(pipeline, text, name, kept):
    found = _mentions(pipeline, text)
    assert name not in found and found[kept].entry.country == "USA"


@pytest.mark.model
def test_places_an_event_named_after_its_place_abroad_stays_there(pipeline):
    found = _mentions(pipeline, "The film from Toronto won the audience award at the Venice International Film "
                                "Festival, its director said in Ottawa.")
    assert found["Venice"].entry.country == "ITA"


@pytest.mark.model
def test_places_a_coast_named_by_its_direction_is_no_region_abroad(pipeline):
    # "West Coast" is a region of New Zealand and another name of Western Australia
    found = _mentions(pipeline, "The storm hit the West Coast hard, knocking out power to 100,000 homes in "
                                "Vancouver and Victoria, BC Hydro said.")
    assert "West Coast" not in found and found["Vancouver"].entry.country == "CAN"
    found = _mentions(pipeline, "Heavy rain in Nelson and Tasman closed roads on the West Coast, the New Zealand "
                                "Transport Agency said.")
    assert found["West Coast"].entry.country == "NZL"


@pytest.mark.model
def test_places_a_province_opening_a_police_force_is_a_place(pipeline):
    found = _mentions(pipeline, "Nova Scotia RCMP said the crash near Truro killed two people.")
    assert found["Nova Scotia"].entry.country == "CAN" and found["Truro"].entry.country == "CAN"


@pytest.mark.model
def test_places_a_name_after_a_title_in_lower_case_is_a_person(pipeline):
    text = ("there were cheers from mr paterson's family as the verdict was read out in court in edmonton. hickson "
            "said he did not mean to kill mr paterson and stabbed him in self-defence.")
    found = _mentions(pipeline, text)
    assert "paterson" not in found and found["edmonton"].entry.country == "CAN"


@pytest.mark.model
@pytest.mark.parametrize("text,part,place,country", [
    # "Far North" is a region of Cameroon, "South East" a district of Botswana
    ("youth crime has risen in far north queensland, police in cairns said on monday. officers say offences by "
     "children in far north queensland are a major problem.", "far north", "cairns", "AUS"),
    ("the poor visibility in south-east england caused delays at heathrow, and flights to london were cancelled.",
     "south-east", "london", "GBR"),
])
def test_places_a_part_named_by_its_direction_is_no_division_abroad(pipeline, text, part, place, country):
    found = _mentions(pipeline, text)
    assert part not in found and found[place].entry.country == country


@pytest.mark.model
def test_places_a_surname_after_a_first_name_in_lower_case_is_no_town(pipeline):
    text = ("no more surprises from ashley sutton. few predicted sutton would storm to the title in london last "
            "year, and this year sutton goes into the season as the driver to beat.")
    found = _mentions(pipeline, text)
    assert "sutton" not in found and found["london"].entry.country == "GBR"


@pytest.mark.model
def test_places_a_town_after_in_the_model_took_for_a_person_places_the_story(pipeline):
    # "Castlegar" (8,000) after "in" is a town though labelled a person; with it "Nelson" is the town of British
    # Columbia, not the city of New Zealand
    found = _mentions(pipeline, "A Nelson man has been charged with impaired driving after a crash on Baker Street, "
                                "Nelson police said. The man, 34, will appear in court in Castlegar.")
    assert found["Castlegar"].entry.country == "CAN" and found["Nelson"].entry.country == "CAN"


@pytest.mark.model
def test_places_a_comma_before_a_modifier_does_not_make_a_person_a_town(pipeline):
    # "U.S." modifies "Trade Representative": no qualifier making Freeland a town of Pennsylvania
    found = _mentions(pipeline, "Canadian Foreign Minister Chrystia Freeland spoke in Ottawa. Freeland, U.S. Trade "
                                "Representative Robert Lighthizer and Mexican officials met in Washington.")
    assert "Freeland" not in found and found["Ottawa"].entry.country == "CAN"


@pytest.mark.model
def test_places_surname_after_a_first_name_is_the_person_wherever_the_model_puts_it(pipeline):
    # the model reads "Marcus Newton" as an organisation and the lone "Newton" as a place (Newton, a
    # district of Surrey of 160,000): the surname of a person named by a common first name
    found = _mentions(pipeline, "Sheriff Tom Jackson said deputies responded to a call on Main Street in Dalton. "
                                "Jackson said the suspect, identified as Marcus Newton, 24, fled toward the county "
                                "line. Newton was later arrested.")
    assert "Dalton" in found
    assert "Newton" not in found


@pytest.mark.model
def test_places_a_town_named_like_a_first_name_and_a_word_stays(pipeline):
    found = _mentions(pipeline, "Flooding hit Virginia Beach on Monday. Crews in Norfolk and Virginia Beach "
                                "worked overnight.")
    assert found["Virginia Beach"].entry.country == "USA"
