from members.geo import DEFAULT_CODES, countries, frame, map_context, project


def test_projection_puts_places_where_they_belong():
    paris, berlin, rome = project(48.86, 2.35), project(52.52, 13.40), project(41.90, 12.50)

    assert paris[0] < berlin[0]  # Paris is west of Berlin
    assert berlin[1] < rome[1]  # Berlin is north of Rome (SVG y grows southwards)


def test_every_country_has_an_outline():
    shapes = countries()

    assert {"FR", "DE", "MT", "LU", "CY", "GB", "UA", "TR", "XK"} <= set(shapes)
    assert all(shape["d"].startswith("M") for shape in shapes.values())


def test_france_is_framed_on_its_mainland():
    left, _top, right, _bottom = countries()["FR"]["main"]

    assert right - left < 1200  # not stretched to French Guiana or Réunion


def test_frame_holds_the_countries_between_square_and_four_by_three():
    x, y, width, height = frame(["FR", "DE"])

    for code in ("FR", "DE"):
        left, top, right, bottom = countries()[code]["main"]
        assert x <= left and right <= x + width
        assert y <= top and bottom <= y + height
    assert 1 <= width / height <= 4 / 3


def test_frame_without_members_shows_europe():
    assert frame([]) == frame(DEFAULT_CODES)


def test_frame_of_a_tiny_country_is_wide_enough_to_see_it_in_context():
    _x, _y, width, height = frame(["LU"])

    assert width >= 900
    assert height >= 900 * 3 / 4


def test_frame_includes_pins():
    pin = project(64.15, -21.94)  # Reykjavík

    x, y, width, height = frame(["FR"], [pin])

    assert x <= pin[0] <= x + width
    assert y <= pin[1] <= y + height


def test_every_frame_holds_its_country_in_whole_km_between_square_and_four_by_three():
    for code, shape in countries().items():
        x, y, width, height = frame([code])
        left, top, right, bottom = shape["main"]

        assert all(isinstance(n, int) for n in (x, y, width, height)), code
        assert x <= left and right <= x + width, code
        assert y <= top and bottom <= y + height, code
        assert width >= 900 and height >= 900, code
        assert 1 <= width / height <= 4 / 3, code


EUROPE = dict.fromkeys(("PT", "IE", "IS", "NO", "FI", "GR", "CY", "MT", "LU"), 1)


def _weight(context):
    return sum(len(c["d"]) for c in context["shaded"]) + sum(map(len, context["plain"]))


def test_the_small_map_of_europe_weighs_under_a_third_of_the_full_one():
    assert _weight(map_context(EUROPE, small=True)) < _weight(map_context(EUROPE)) / 3


def test_the_small_map_keeps_small_countries_with_members():
    shaded = {c["code"]: c["d"] for c in map_context(EUROPE, small=True)["shaded"]}

    assert all(shaded[code].startswith("M") for code in ("MT", "LU", "CY"))


def test_a_small_map_wider_than_its_outlines_draws_the_full_ones():
    counts = {"FR": 1, "RU": 1}  # Russia's main part reaches the Pacific

    assert map_context(counts, small=True)["shaded"] == map_context(counts)["shaded"]
