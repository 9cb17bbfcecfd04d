"""The shared name match of the merging helpers: may two actors' names name one person?"""

from __future__ import annotations

from newsevents.model import Actor
from newsevents.parsing.merge import same_name


def test_a_surname_or_part_of_a_name_is_the_same_person() -> None:
    """ "Lee" is "Ann Lee"; "Ann Lee" is "Ann B. Lee"; "Ann Lee" is not "Tom Park"."""
    assert same_name(Actor.person("Ann Lee"), Actor.person("Lee"))
    assert same_name(Actor.person("Ann Lee"), Actor.person("Ann B. Lee"))
    assert not same_name(Actor.person("Ann Lee"), Actor.person("Tom Park"))


def test_two_given_names_with_one_surname_are_two_people() -> None:
    """A father and son, "John Smith" and "Adam Smith", share only the surname: two people."""
    assert not same_name(Actor.person("John Smith"), Actor.person("Adam Smith"))
    assert same_name(Actor.person("Smith"), Actor.person("John Smith"))
    assert not same_name(Actor.person("smith"), Actor.person("John Smith"))  # names match as written
