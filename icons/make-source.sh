#!/usr/bin/env bash
# Draws icons/source.png: a rounded blue tile with a ring and a green check.
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert   # Debian's ImageMagick, not a stand-in on PATH
"$convert" -size 1024x1024 xc:none \
  \( -size 896x896 gradient:'#2b59c3'-'#1a2f6b' -alpha set \
     \( -size 896x896 xc:none -fill white -draw "roundrectangle 0,0 895,895 200,200" \) \
     -compose DstIn -composite \) -geometry +64+64 -compose Over -composite \
  -fill none -stroke white -strokewidth 84 -draw "circle 512,512 512,242" \
  -stroke '#7ee2b8' -strokewidth 84 \
  -draw "stroke-linecap round stroke-linejoin round polyline 392,520 480,608 650,420" \
  -define png:color-type=6 source.png
