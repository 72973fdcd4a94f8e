//! One-page PDFs written directly (PDF 1.4, the standard Type 1 fonts in
//! WinAnsi encoding, no images): a receipt and the shop's poster. Nothing
//! is embedded, so files stay small enough to send over WhatsApp and any
//! phone or printer shows them. Text outside Latin-1 is shown as `?` (the
//! standard fonts carry no more).

/// A page: its size in points and its content stream.
pub(crate) struct Page {
    /// Width, points.
    pub width: f32,
    /// Height, points.
    pub height: f32,
    /// Standard fonts used, named `/F1`, `/F2`… in this order
    /// (`Courier`, `Helvetica-Bold`…).
    pub fonts: &'static [&'static str],
    /// The drawing operators.
    pub content: Vec<u8>,
}

impl Page {
    /// A blank page.
    pub fn new(width: f32, height: f32, fonts: &'static [&'static str]) -> Self {
        Self {
            width,
            height,
            fonts,
            content: Vec::new(),
        }
    }

    /// `text` in font `/F<font>` (1-based) at `size`, its baseline
    /// starting at `x`, `y`.
    pub fn text(&mut self, font: usize, size: f32, x: f32, y: f32, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.content
            .extend(format!("BT /F{font} {size:.1} Tf {x:.1} {y:.1} Td (").bytes());
        self.content.extend(latin1(text));
        self.content.extend(b") Tj ET\n");
    }

    /// A filled black rectangle, `x`, `y` its lower left corner.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.content
            .extend(format!("{x:.2} {y:.2} {w:.2} {h:.2} re f\n").bytes());
    }

    /// Draws a QR code's modules as a square of `side` points whose
    /// top-left corner is at (`left`, `top`), each row's dark runs as one
    /// rectangle.
    pub fn qr(&mut self, grid: &[Vec<bool>], left: f32, top: f32, side: f32) {
        let module = side / grid.len().max(1) as f32;
        for (row, cells) in grid.iter().enumerate() {
            let mut x = 0;
            while x < cells.len() {
                if !cells[x] {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < cells.len() && cells[x] {
                    x += 1;
                }
                self.fill_rect(
                    left + start as f32 * module,
                    top - (row + 1) as f32 * module,
                    (x - start) as f32 * module,
                    module,
                );
            }
        }
    }

    /// The PDF file.
    pub fn finish(self) -> Vec<u8> {
        let fonts: String = (1..=self.fonts.len())
            .map(|i| format!("/F{i} {} 0 R ", 4 + i))
            .collect();
        let mut objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {:.0} {:.0}] /Resources << /Font << {fonts}>> >> /Contents 4 0 R >>",
                self.width, self.height
            )
            .into_bytes(),
            {
                let mut s = format!("<< /Length {} >>\nstream\n", self.content.len()).into_bytes();
                s.extend(&self.content);
                s.extend(b"\nendstream");
                s
            },
        ];
        for name in self.fonts {
            objects.push(
                format!("<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>")
                    .into_bytes(),
            );
        }
        let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(objects.len());
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n", i + 1).bytes());
            pdf.extend(body);
            pdf.extend(b"\nendobj\n");
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            pdf.extend(format!("{o:010} 00000 n \n").bytes());
        }
        pdf.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        pdf
    }
}

/// `text` as a PDF string's bytes: Latin-1, with `(`, `)` and `\` escaped.
fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u32 as u8,
            _ => b'?',
        };
        out.push(b);
    }
    out
}

/// Pages rendered by Poppler (a Linux program, so not under Wine), for
/// tests that read what a person would see.
#[cfg(all(test, not(windows)))]
pub(crate) mod testing {
    use std::path::Path;
    use std::process::Command;

    /// The page rendered by Poppler at `dpi`, as grey levels.
    pub(crate) fn render(pdf: &[u8], dir: &Path, name: &str, dpi: u32) -> (usize, usize, Vec<u8>) {
        let file = dir.join(format!("{name}.pdf"));
        std::fs::write(&file, pdf).expect("write");
        let out = dir.join(name);
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", &dpi.to_string(), "-singlefile"])
            .arg(&file)
            .arg(&out)
            .status()
            .expect("pdftoppm from poppler-utils (cargo xtask setup installs it)");
        assert!(status.success(), "pdftoppm could not render the page");
        let png = std::fs::File::open(out.with_extension("png")).expect("rendered");
        let mut reader = png::Decoder::new(std::io::BufReader::new(png))
            .read_info()
            .expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        buf.truncate(info.buffer_size());
        let channels = match info.color_type {
            png::ColorType::Grayscale => 1,
            png::ColorType::Rgb => 3,
            png::ColorType::Rgba => 4,
            other => panic!("pdftoppm wrote {other:?}"),
        };
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let grey = buf.chunks(channels).map(|px| px[0]).collect();
        (info.width as usize, info.height as usize, grey)
    }
}
