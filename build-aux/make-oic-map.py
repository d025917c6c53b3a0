#!/usr/bin/env python3
"""make-oic-map.py — makes data/oic-map.svg, the member-state map, once, from Natural Earth (public domain).

The input is countries-50m.json of the npm package world-atlas (TopoJSON built
from Natural Earth's 1:50m admin-0 countries):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 build-aux/make-oic-map.py package/countries-50m.json data/oic-map.svg

Each OIC member state is a path with id="ISO alpha-3" and class "oic"; a member
state too small to see at the map's size also gets a circle of class
"dot c-ISO". Other countries are class "other". The app recolours the map
with a stylesheet (#PAK, .c-PAK { fill: … }) passed to librsvg."""
import json
import math
import sys

OIC = ('AFG ALB DZA AZE BHR BGD BEN BRN BFA CMR TCD COM CIV DJI EGY GAB GMB GIN GNB GUY IDN IRN IRQ '
       'JOR KAZ KWT KGZ LBN LBY MYS MDV MLI MRT MAR MOZ NER NGA OMN PAK PSE QAT SAU SEN SLE SOM SDN '
       'SUR SYR TJK TGO TUN TUR TKM UGA ARE UZB YEM').split()
ISO_CODES = '/usr/share/iso-codes/json/iso_3166-1.json'

# From Guyana and Suriname in the west to Indonesia in the east.
LON0, LON1, LAT0, LAT1 = -64.0, 144.0, -30.0, 57.0
WIDTH = 1000.0
# Equirectangular with the standard parallel at 20°N, where most member states lie.
XS = WIDTH / (LON1 - LON0)
YS = XS / math.cos(math.radians(20))
HEIGHT = round((LAT1 - LAT0) * YS, 1)
DOT_BELOW = 40.0     # square pixels: smaller states get a circle as well
DOT_RADIUS = 4.5


def project(lon, lat):
    return (lon - LON0) * XS, (LAT1 - lat) * YS


def decode_arcs(topology):
    scale, translate = topology['transform']['scale'], topology['transform']['translate']
    arcs = []
    for arc in topology['arcs']:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring_points(arcs, ring):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry):
    if geometry.get('type') == 'Polygon':
        return [geometry['arcs']]
    if geometry.get('type') == 'MultiPolygon':
        return geometry['arcs']
    return []


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def simplify(points, tolerance):
    """Douglas–Peucker: the fewest points within @tolerance pixels of the coastline."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, index = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def path_data(rings):
    parts = []
    for ring in rings:
        last = None
        out = []
        for x, y in simplify(ring, 0.35):
            p = (round(x, 1), round(y, 1))
            if p != last:
                out.append(p)
                last = p
        if len(out) < 3:
            continue
        parts.append('M' + ' '.join(f'{x:g},{y:g}' for x, y in out) + 'Z')
    return ''.join(parts)


def spread(dots):
    """Pushes overlapping circles apart (Bahrain, Qatar and Kuwait are neighbours),
    so that each stays whole and can be told from the others."""
    gap = 2 * DOT_RADIUS + 1.5
    for _ in range(200):
        moved = False
        codes = sorted(dots)
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                (ax, ay), (bx, by) = dots[a], dots[b]
                d = math.hypot(bx - ax, by - ay)
                if d < gap:
                    ux, uy = ((bx - ax) / d, (by - ay) / d) if d > 1e-6 else (1.0, 0.0)
                    push = (gap - d) / 2 + 0.01
                    dots[a] = [ax - ux * push, ay - uy * push]
                    dots[b] = [bx + ux * push, by + uy * push]
                    moved = True
        if not moved:
            break
    return dots


def main(source, target):
    with open(source, encoding='utf-8') as f:
        topology = json.load(f)
    with open(ISO_CODES, encoding='utf-8') as f:
        alpha3 = {c['numeric']: c['alpha_3'] for c in json.load(f)['3166-1']}
    arcs = decode_arcs(topology)

    shapes = []
    seen = set()
    for geometry in topology['objects']['countries']['geometries']:
        code = alpha3.get(str(geometry.get('id', '')).zfill(3))
        rings, total, cx, cy = [], 0.0, 0.0, 0.0
        for polygon in polygons(geometry):
            for i, ring in enumerate(polygon):
                points = [project(lon, lat) for lon, lat in ring_points(arcs, ring)]
                if not any(-50 <= x <= WIDTH + 50 and -50 <= y <= HEIGHT + 50 for x, y in points):
                    continue
                rings.append(points)
                if i == 0:
                    a = area(points)
                    total += a
                    cx += a * sum(x for x, _ in points) / len(points)
                    cy += a * sum(y for _, y in points) / len(points)
        if not rings:
            continue
        member = code in OIC
        seen.add(code)
        shapes.append((member, code, path_data(rings), total, (cx / total, cy / total) if total else rings[0][0]))

    missing = set(OIC) - seen
    if missing:
        sys.exit(f'make-oic-map: not in {source}: {" ".join(sorted(missing))}')

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
           f'width="{WIDTH:g}" height="{HEIGHT:g}">',
           '<!-- The OIC member states. Made by build-aux/make-oic-map.py from Natural Earth 1:50m'
           ' admin-0 countries (public domain) as packaged in world-atlas 2.0.2. -->',
           '<defs><pattern id="suppressed" patternUnits="userSpaceOnUse" width="6" height="6">'
           '<rect width="6" height="6" class="hatch-back"/>'
           '<path d="M0,6L6,0M-1,1L1,-1M5,7L7,5" class="hatch"/></pattern></defs>',
           '<g class="others">']
    for member, code, d, _, _ in shapes:
        if not member:
            out.append(f'<path class="other" d="{d}"/>')
    out.append('</g><g class="members">')
    for member, code, d, _, _ in sorted(shapes, key=lambda s: s[1] or ''):
        if member:
            out.append(f'<path id="{code}" class="oic" d="{d}"/>')
    out.append('</g><g class="dots">')
    dots = {code: list(centre) for member, code, _, total, centre in shapes if member and total < DOT_BELOW}
    for code, (cx, cy) in sorted(spread(dots).items()):
        out.append(f'<circle class="dot c-{code}" cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT_RADIUS:g}"/>')
    out.append('</g></svg>')
    with open(target, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print(f'{target}: {sum(1 for s in shapes if s[0])} member states, '
          f'{sum(1 for s in shapes if s[0] and s[3] < DOT_BELOW)} shown also as circles '
          f'({", ".join(s[1] for s in sorted(shapes, key=lambda s: s[1] or "") if s[0] and s[3] < DOT_BELOW)})')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: make-oic-map.py countries-50m.json OUT.svg')
    main(sys.argv[1], sys.argv[2])
