#!/bin/sh
# Regenerates the OCR test fixtures in tests/data/ocr/ from Vietnamese
# plan-like text written for this project (no third-party text).
#
# Usage: scripts/make_ocr_fixtures.sh [OUT_DIR]   (default tests/data/ocr)
#
# Needs pango-view (fonts: DejaVu, Liberation) and Debian's python3 with PIL,
# img2pdf and pikepdf, all installed by scripts/setup.sh (they come with
# ocrmypdf). Output, each with the ground truth NAME.gt.txt where OCR applies:
#   header_200dpi.png  two-column head of an official document (issuing body
#                      left, national motto right) above a title and body text
#   body_150dpi.png    body text at a low resolution (small glyphs)
#   two_pages.tif      two pages in one TIFF (G4), texts two_pages_pN.gt.txt
#   text_layer.pdf     a PDF whose text layer is real text
#   image_only.pdf     a PDF holding only a page image (no text layer)
#   encrypted.pdf      text_layer.pdf locked with a user password
#   blank.png          an empty page
#   truncated.png      the first half of header_200dpi.png
# The images are rendered, not scanned: tests apply rotation, skew and noise
# themselves, so each test controls what it checks.
set -eu

out=${1:-$(dirname "$0")/../tests/data/ocr}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Renders text file $1 to PNG $2 at $3 dpi in font $4 (gray, no antialias
# artefacts from subpixel rendering).
render() {
  pango-view -q --dpi="$3" --font="$4" --margin=0 --antialias=gray \
    --hinting=full -o "$2" "$1"
}

cat >"$tmp/left.txt" <<'EOF'
ỦY BAN NHÂN DÂN
HUYỆN TÂN PHƯỚC
EOF
cat >"$tmp/right.txt" <<'EOF'
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
EOF
cat >"$tmp/body.txt" <<'EOF'
KẾ HOẠCH
Phát triển thư viện số trong trường học năm 2024

Căn cứ Quyết định số 112/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân
dân tỉnh về việc phê duyệt chương trình chuyển đổi số, Ủy ban nhân
dân huyện ban hành Kế hoạch với các nội dung sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm mỗi trường học có ít nhất một phòng đọc điện tử.
2. Phòng Giáo dục và Đào tạo chủ trì, phối hợp với các xã, thị trấn
tổ chức tập huấn trước ngày 30/6/2024.
EOF
cat >"$tmp/small.txt" <<'EOF'
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Rà soát cơ sở vật chất, thiết bị của các thư viện hiện có.
2. Xây dựng kho học liệu dùng chung cho giáo viên và học sinh.
3. Hằng năm đánh giá kết quả, báo cáo Ủy ban nhân dân huyện.
EOF
cat >"$tmp/p1.txt" <<'EOF'
III. KINH PHÍ THỰC HIỆN
Kinh phí được bố trí từ ngân sách sự nghiệp giáo dục năm 2024
và các nguồn hợp pháp khác theo quy định hiện hành.
EOF
cat >"$tmp/p2.txt" <<'EOF'
IV. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị báo cáo kết quả thực hiện về Phòng Giáo dục
và Đào tạo trước ngày 15 tháng 12 hằng năm để tổng hợp.
EOF

render "$tmp/left.txt" "$tmp/left.png" 200 "Liberation Serif Bold 13"
render "$tmp/right.txt" "$tmp/right.png" 200 "Liberation Serif Bold 13"
render "$tmp/body.txt" "$tmp/body.png" 200 "Liberation Serif 13"
render "$tmp/small.txt" "$tmp/small.png" 150 "DejaVu Serif 11"
render "$tmp/p1.txt" "$tmp/p1.png" 200 "DejaVu Sans 12"
render "$tmp/p2.txt" "$tmp/p2.png" 200 "DejaVu Sans 12"
pango-view -q --font="Liberation Serif 13" --margin=40 -o "$out/text_layer.pdf" "$tmp/body.txt"

/usr/bin/python3 - "$tmp" "$out" <<'EOF'
import sys
from PIL import Image, ImageOps

tmp, out = sys.argv[1], sys.argv[2]

def flatten(img):
    # pango-view writes black text on a transparent background.
    img = img.convert("RGBA")
    page = Image.new("RGBA", img.size, "white")
    page.alpha_composite(img)
    return page.convert("L")

def page(parts, width, margin=60):
    """Stacks (image, x) rows with margins: a cropped page."""
    height = sum(p.height for p, _ in parts) + margin * (len(parts) + 1)
    canvas = Image.new("L", (width, height), 255)
    y = margin
    for p, x in parts:
        canvas.paste(p, (x, y))
        y += p.height + margin
    return canvas

def load(name):
    return flatten(Image.open(f"{tmp}/{name}.png"))

left, right, body = load("left"), load("right"), load("body")
width = 1500
head = Image.new("L", (width - 120, max(left.height, right.height)), 255)
head.paste(left, (0, 0))
head.paste(right, (head.width - right.width, 0))
header = page([(head, 60), (body, 60)], width)
header.save(f"{out}/header_200dpi.png", dpi=(200, 200), optimize=True)

small = load("small")
page([(small, 45)], small.width + 90, 45).save(f"{out}/body_150dpi.png", dpi=(150, 150), optimize=True)

pages = [page([(load(f"p{i}"), 60)], 1300).convert("1") for i in (1, 2)]
pages[0].save(f"{out}/two_pages.tif", save_all=True, append_images=pages[1:],
              compression="group4", dpi=(200, 200))

Image.new("L", (600, 800), 255).save(f"{out}/blank.png", dpi=(200, 200))

with open(f"{out}/header_200dpi.png", "rb") as f:
    data = f.read()
with open(f"{out}/truncated.png", "wb") as f:
    f.write(data[: len(data) // 2])
EOF

/usr/bin/python3 -c 'import sys, img2pdf; open(sys.argv[2], "wb").write(img2pdf.convert(sys.argv[1]))' \
  "$out/body_150dpi.png" "$out/image_only.pdf"
/usr/bin/python3 - "$out/text_layer.pdf" "$out/encrypted.pdf" <<'EOF'
import sys, pikepdf
with pikepdf.open(sys.argv[1]) as pdf:
    pdf.save(sys.argv[2], encryption=pikepdf.Encryption(user="ke-hoach", owner="ke-hoach-owner"))
EOF

# The head is read row by row, each side of a row a line of its own.
{ paste -d '\n' "$tmp/left.txt" "$tmp/right.txt"; echo; cat "$tmp/body.txt"; } \
  >"$out/header_200dpi.gt.txt"
cp "$tmp/small.txt" "$out/body_150dpi.gt.txt"
cp "$tmp/small.txt" "$out/image_only.gt.txt"
cp "$tmp/body.txt" "$out/text_layer.gt.txt"
cp "$tmp/p1.txt" "$out/two_pages_p1.gt.txt"
cp "$tmp/p2.txt" "$out/two_pages_p2.gt.txt"
