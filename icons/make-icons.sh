#!/usr/bin/env bash
# Draws the app icon (M-WLAN waves over a dot, black and gold: the city's colours)
# at 512 px with ImageMagick and derives every size Tauri needs from it.
set -euo pipefail
cd "$(dirname "$0")"
C=/usr/bin/convert
$C -size 512x512 xc:none \
  -fill '#1a1a1a' -draw 'roundrectangle 0,0 511,511 96,96' \
  -fill none -stroke '#ffffff' -strokewidth 36 -draw 'arc 86,106 426,446 205,335' \
  -stroke '#f5c400' -draw 'arc 136,156 376,396 205,335' \
  -draw 'arc 186,206 326,346 205,335' \
  -stroke none -fill '#f5c400' -draw 'circle 256,330 256,370' \
  PNG32:icon.png
for s in 32 128; do $C icon.png -resize ${s}x${s} PNG32:${s}x${s}.png; done
$C icon.png -resize 256x256 PNG32:128x128@2x.png
