"""The value types and the Event base: construction, validation, ordering, ids."""

from __future__ import annotations

import hashlib
import pickle

import attrs
import pytest
from hypothesis import given

import newsevents as ne
from newsevents.errors import ValidationError
from newsevents.strategies import partial_dates


def netanyahu() -> ne.Actor:
    return ne.Actor.person("Benjamin Netanyahu", title="Prime Minister", country="IL")


def putin() -> ne.Actor:
    return ne.Actor.person("Vladimir Putin", title="President", country="RU")


class TestPartialDate:
    @pytest.mark.parametrize("text", ["2019", "2019-10", "2019-10-05", "0001", "9999-12-31", "2020-02-29"])
    def test_iso_round_trip(self, text):
        """parse and isoformat are inverses at every precision."""
        assert text == ne.PartialDate.parse(text).isoformat() == str(ne.PartialDate.parse(text))

    @pytest.mark.parametrize(
        "text",
        [
            "2019-13",
            "2019-02-30",
            "2019-00",
            "0000",
            "19",
            "2019-1",
            "2019-10-5",
            "2019/10",
            "",
            " 2019",
            "2019-10-05T00",
        ],
    )
    def test_rejects_impossible_or_malformed(self, text):
        """Impossible dates and other forms than YYYY, YYYY-MM, YYYY-MM-DD raise ValidationError."""
        with pytest.raises(ValidationError):
            ne.PartialDate.parse(text)

    def test_day_needs_month(self):
        """A day without a month is refused, naming the field."""
        with pytest.raises(ValidationError, match=r"\$\.day"):
            ne.PartialDate(2019, None, 5)

    def test_rejects_bool_and_str_parts(self):
        """Parts must be real integers: no booleans, no strings."""
        with pytest.raises(ValidationError):
            ne.PartialDate(True)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            ne.PartialDate(2019, "10")  # type: ignore[arg-type]

    def test_precision(self):
        """precision says how much of the date is known."""
        assert ["year", "month", "day"] == [
            ne.PartialDate.parse(t).precision for t in ("2019", "2019-10", "2019-10-05")
        ]

    def test_order_is_year_month_day_with_missing_as_zero(self):
        """A year sorts before its months, a month before its days."""
        dates = [ne.PartialDate.parse(t) for t in ("2019-10-05", "2019", "2019-10", "2018-12-31", "2019-01")]
        assert ["2018-12-31", "2019", "2019-01", "2019-10", "2019-10-05"] == [str(d) for d in sorted(dates)]

    @given(partial_dates(), partial_dates())
    def test_order_matches_key(self, a, b):
        """Ordering agrees with (year, month or 0, day or 0)."""
        key = lambda d: (d.year, d.month or 0, d.day or 0)
        assert (key(a) < key(b)) == (a < b)
        assert (a == b) == (key(a) == key(b))

    def test_hashable(self):
        """Equal dates hash alike, so they can key dicts and sets."""
        assert 1 == len({ne.PartialDate.parse("2019-10"), ne.PartialDate(2019, 10)})

    def test_to_date(self):
        """Only day precision converts to datetime.date."""
        assert ne.PartialDate(2019, 10).to_date() is None
        assert "2019-10-05" == ne.PartialDate(2019, 10, 5).to_date().isoformat()


class TestActor:
    def test_constructors(self):
        """The kind-specific constructors set the kind; state() names the country."""
        assert ne.ActorKind.PERSON == putin().kind
        russia = ne.Actor.state("RU")
        assert ("Russia", ne.ActorKind.COUNTRY, "RU") == (russia.name, russia.kind, russia.country)
        assert ne.ActorKind.ORGANIZATION == ne.Actor.organization("Kremlin", country="RU").kind
        assert ne.ActorKind.GROUP == ne.Actor.group("11 police officers").kind

    @pytest.mark.parametrize("name", ["", "   ", "\t\n"])
    def test_rejects_empty_names(self, name):
        """An actor needs a name."""
        with pytest.raises(ValidationError, match=r"\$\.name"):
            ne.Actor.person(name)

    @pytest.mark.parametrize("code", ["ZZ", "ru", "RUS", "", 7])
    def test_rejects_unknown_countries(self, code):
        """Countries are ISO 3166-1 alpha-2 codes, upper case."""
        with pytest.raises(ValidationError, match=r"\$\.country"):
            ne.Actor.person("X", country=code)

    def test_rejects_unknown_kind(self):
        """kind must be an ActorKind member, not a string."""
        with pytest.raises(ValidationError, match=r"\$\.kind"):
            ne.Actor("X", "person")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["a\x00b", "a\x1fb", "\ud800", "\uffff"])
    def test_rejects_text_no_codec_can_carry(self, bad):
        """XML-illegal code points and lone surrogates are refused up front."""
        with pytest.raises(ValidationError, match="cannot be carried"):
            ne.Actor.person(bad)

    def test_frozen(self):
        """Actors are immutable."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            putin().name = "x"  # type: ignore[misc]


class TestPlaceEvidenceCount:
    def test_place_needs_name_or_country(self):
        """A place with neither name nor country is refused."""
        with pytest.raises(ValidationError):
            ne.Place()
        assert "SY" == ne.Place(country="SY").country
        assert "Idlib" == ne.Place("Idlib").name

    def test_evidence_offsets_span_text(self):
        """end - start must equal len(text)."""
        ne.Evidence("abc", 10, 13)
        with pytest.raises(ValidationError, match=r"\$\.end"):
            ne.Evidence("abc", 10, 12)
        with pytest.raises(ValidationError, match=r"\$\.start"):
            ne.Evidence("", -1, -1)

    def test_evidence_offsets_bounded(self):
        """Offsets beyond 2**53 - 1 (not exact in JSON readers) are refused."""
        with pytest.raises(ValidationError):
            ne.Evidence("", 2**64, 2**64)

    def test_count_qualifiers(self):
        """A count says how exact it is."""
        assert ne.Count(12).exact
        assert not ne.Count(100, ne.CountQualifier.ORDER).exact
        with pytest.raises(ValidationError):
            ne.Count(-1)
        with pytest.raises(ValidationError):
            ne.Count(1, "about")  # type: ignore[arg-type]


class TestEvent:
    def test_phone_call_needs_two_participants(self):
        """A call with fewer than two participants is refused."""
        with pytest.raises(ValidationError, match=r"at least 2 .*\$\.participants"):
            ne.PhoneCall(participants=(putin(),))

    def test_wrong_field_types_are_refused(self):
        """Fields are type-checked at construction: no string where a tuple belongs."""
        with pytest.raises(ValidationError, match=r"\$\.targets"):
            ne.Airstrike(targets="ab")  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=r"\$\.participants\[1\]"):
            ne.PhoneCall(participants=(putin(), "Netanyahu"))  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=r"\$\.term_months"):
            ne.Sentencing(defendant=putin(), penalty=ne.Penalty.PRISON, term_months=-1)
        with pytest.raises(ValidationError, match=r"\$\.topics\[0\]"):
            ne.PhoneCall(participants=(putin(), netanyahu()), topics=("a\x0bb",))

    def test_keyword_only(self):
        """Event fields are keyword-only."""
        with pytest.raises(TypeError):
            ne.Airstrike(None)  # type: ignore[misc]

    def test_id_is_deterministic(self):
        """The same content gives the same id; a different span gives another."""

        def make(start):
            return ne.PhoneCall(
                participants=(netanyahu(), putin()),
                evidence=ne.Evidence("call", start, start + 4, rule="phone.called"),
                source="seed",
            )

        assert make(0).id == make(0).id
        assert make(0).id != make(5).id
        assert make(0).id.startswith("PhoneCall-")
        assert 16 == len(make(0).id.split("-", 1)[1])

    def test_id_ignores_the_rule(self):
        """Re-extraction with a renamed rule keeps the id, so wire systems update."""

        def make(rule):
            return ne.Sentencing(
                defendant=ne.Actor.person("Naama Issachar"),
                penalty=ne.Penalty.PRISON,
                evidence=ne.Evidence("x", 3, 4, rule=rule),
            )

        assert make("a").id == make("b").id

    def test_distinct_events_of_one_sentence_have_distinct_ids(self):
        """Strikes on three places named in one sentence, calls on two days: one id each."""
        sentence = "strikes in areas east of Damascus, north of Homs, and in Deraa"
        evidence = ne.Evidence(sentence, 100, 100 + len(sentence), rule="airstrike.places")
        strikes = [
            ne.Airstrike(
                attacker=ne.Actor.state("IL"),
                location=ne.Place(name, country="SY"),
                evidence=evidence,
                source="article-1",
            )
            for name in ("east of Damascus", "north of Homs", "Deraa")
        ]
        assert 3 == len({strike.id for strike in strikes})
        calls = [
            ne.PhoneCall(
                participants=(netanyahu(), putin()), date=date, evidence=evidence, source="article-1"
            )
            for date in (ne.PartialDate(2019, 12, 25), ne.PartialDate(2019, 12, 26))
        ]
        assert calls[0].id != calls[1].id

    def test_id_distinguishes_hand_built_events_by_date(self):
        """Without evidence the date tells two calls apart."""

        def make(date):
            return ne.PhoneCall(participants=(netanyahu(), putin()), date=date)

        assert make(ne.PartialDate(2019, 12)).id != make(ne.PartialDate(2019, 12, 26)).id

    def test_the_canonical_form_is_documented_json(self):
        """The id hashes compact JSON with sorted keys of every field but id and the evidence rule."""
        from newsevents.identity import canonical_form

        call = ne.PhoneCall(
            participants=(ne.Actor.person("A"), ne.Actor.person("B")),
            date=ne.PartialDate(2019, 12),
            evidence=ne.Evidence("x", 3, 4, rule="r"),
        )
        expected = (
            '{"$type":"PhoneCall","date":{"day":null,"month":12,"year":2019},'
            '"evidence":{"end":4,"start":3,"text":"x"},"initiator":null,"location":null,'
            '"participants":[{"country":null,"kind":"person","name":"A","title":null},'
            '{"country":null,"kind":"person","name":"B","title":null}],"source":null,"topics":[]}'
        )
        assert expected.encode() == canonical_form(call)
        assert "PhoneCall-" + hashlib.sha256(expected.encode()).hexdigest()[:16] == call.id

    def test_evolve_derives_a_derived_id_again(self):
        """attrs.evolve gives a derived id for the new fields, as building the event anew would."""
        call = ne.PhoneCall(participants=(netanyahu(), putin()), source="a")
        moved = attrs.evolve(call, source="b")
        assert ne.PhoneCall(participants=(netanyahu(), putin()), source="b").id == moved.id
        assert call.id != moved.id
        assert call.id == attrs.evolve(moved, source="a").id
        assert call.id == attrs.evolve(call).id

    def test_evolve_keeps_an_explicit_id(self):
        """An id given explicitly is kept by attrs.evolve, whatever changes; id= replaces it."""
        call = ne.PhoneCall(id="call-1", participants=(netanyahu(), putin()), source="a")
        assert "call-1" == attrs.evolve(call, source="b").id
        assert "call-2" == attrs.evolve(call, id="call-2").id
        derived = attrs.evolve(call, id="")
        assert derived.id.startswith("PhoneCall-")
        assert attrs.evolve(derived, source="b").id != derived.id

    def test_decoded_derived_ids_are_derived_again_by_evolve(self):
        """An id of the derived form read from JSON or NewsML-G2 counts as derived; others are kept."""
        from newsevents.newsml import from_newsml, to_newsml

        call = ne.PhoneCall(participants=(netanyahu(), putin()), source="a")
        named = attrs.evolve(call, id="call-1")
        for decode in (
            lambda event: ne.from_json(ne.to_json(event)),
            lambda event: from_newsml(to_newsml(event))[0],
        ):
            again = attrs.evolve(decode(call), source="b")
            assert attrs.evolve(call, source="b").id == again.id
            assert "call-1" == attrs.evolve(decode(named), source="b").id

    def test_explicit_id_is_kept(self):
        """An explicit id wins, if it is QCode-safe."""
        assert "call-1" == ne.PhoneCall(id="call-1", participants=(netanyahu(), putin())).id
        with pytest.raises(ValidationError, match=r"\$\.id"):
            ne.PhoneCall(id="no spaces", participants=(netanyahu(), putin()))
        with pytest.raises(ValidationError):
            ne.PhoneCall(id="x" * 65, participants=(netanyahu(), putin()))

    def test_codes_are_class_metadata(self):
        """Ontology codes live on the class, not on instances' fields."""
        assert "Contact:Phone-Write" == ne.PhoneCall.codes.ace
        assert "195 Employ aerial weapons" == ne.Airstrike.codes.cameo
        assert ne.PardonRequest.codes.ace is None
        assert "codes" not in attrs.fields_dict(ne.PhoneCall)

    def test_media_topics_follow_values(self):
        """Sentencing adds the penalty's topic and drug crime; strikes abroad add intervention."""
        sentence = ne.Sentencing(
            defendant=ne.Actor.person("Naama Issachar"), penalty=ne.Penalty.PRISON, offence="drug charges"
        )
        assert ("medtop:20000134", "medtop:20000137", "medtop:20000095") == sentence.media_topics()
        strike = ne.Airstrike(attacker=ne.Actor.state("IL"), location=ne.Place("Syria", country="SY"))
        assert ("medtop:20000056", "medtop:20000058") == strike.media_topics()
        home = ne.Airstrike(attacker=ne.Actor.state("SY"), location=ne.Place("Idlib", country="SY"))
        assert ("medtop:20000056",) == home.media_topics()

    def test_pickles(self):
        """Events and errors survive pickling, for worker processes."""
        call = ne.PhoneCall(participants=(netanyahu(), putin()), date=ne.PartialDate(2019, 12))
        again = pickle.loads(pickle.dumps(call))
        assert call == again
        assert attrs.evolve(call, source="x").id == attrs.evolve(again, source="x").id
        error = ValidationError("bad", path="$.x", line=3)
        again = pickle.loads(pickle.dumps(error))
        assert (error.path, error.line, str(error)) == (again.path, again.line, str(again))


def test_errors_are_value_errors_with_paths():
    """The error tree subclasses ValueError and puts the path in the message."""
    assert issubclass(ne.ValidationError, ne.DecodeError)
    assert issubclass(ne.DecodeError, ValueError)
    assert issubclass(ne.EncodeError, ValueError)
    error = ne.DecodeError("missing", path="$.country").at("$[0].participants[1]")
    assert "$[0].participants[1].country" == error.path
    assert "missing (at $[0].participants[1].country)" == str(error)


class TestHostileValues:
    """Issue #8: values Python cannot write out, digits outside ASCII, bounded messages."""

    @pytest.mark.parametrize("text", ["٢٠١٩", "２０１９", "2019-١٠", "2019-10-٠٥", "᠒᠐᠑᠙"])
    def test_dates_take_ascii_digits_only(self, text):
        """\\d matches every Unicode digit; ISO dates, the JSON Schema and the XSD take [0-9] only."""
        with pytest.raises(ValidationError, match="not an ISO date"):
            ne.PartialDate.parse(text)

    @pytest.mark.parametrize("build", [ne.Count, lambda v: ne.Evidence("", v, v), ne.PartialDate])
    def test_huge_integers_are_validation_errors(self, build):
        """An int of over 4,300 digits is refused as out of range, not with Python's bare ValueError."""
        with pytest.raises(ValidationError, match="digits is outside"):
            build(10**5000)

    def test_a_long_bad_value_is_quoted_by_its_prefix_and_length(self):
        """A 5 MB country code gives a short message."""
        with pytest.raises(ValidationError) as raised:
            ne.Actor.person("Ann", country="Q" * 5_000_000)
        assert len(str(raised.value)) < 200
        assert "'" + "Q" * 80 + "'… (5,000,000 characters)" in str(raised.value)

    def test_quote_is_bounded_for_every_kind_of_value(self):
        """The one helper every error uses: bounded for strings, bytes, huge ints, containers."""
        from newsevents._text import quote

        assert "'ab'" == quote("ab")
        assert "12" == quote(12)
        assert "an integer of about 5,001 digits" == quote(-(10**5000))
        assert quote("y" * 81).endswith("… (81 characters)")
        assert len(quote(b"z" * 10**6)) < 120
        assert "list of 3 items" == quote([1, 2, 3])
        assert len(quote(object())) < 120
