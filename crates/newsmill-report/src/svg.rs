//! Bar and column charts as inline SVG.
//!
//! Written by hand: a chart here is a few `<rect>` and `<text>` elements with computed
//! positions, while a plotting crate (plotters) would bring font handling and a dozen crates
//! to draw the same rectangles. The page needs no script or network to show them.

use crate::esc;

/// Width of every chart, in SVG units (the page scales it to its column).
const WIDTH: f64 = 640.0;

/// A horizontal bar chart: one labelled bar per item, longest first as given.
pub fn bars(id: &str, items: &[(String, u64)]) -> String {
    if items.is_empty() {
        return empty();
    }
    let row = 22.0;
    let label_width = 210.0;
    let height = row * items.len() as f64 + 8.0;
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1) as f64;
    let room = WIDTH - label_width - 60.0;
    let mut svg = open(id, height);
    for (i, (label, value)) in items.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let w = (*value as f64 / max * room).max(1.0);
        let shown: String = if label.chars().count() > 32 {
            label.chars().take(31).chain(['…']).collect()
        } else {
            label.clone()
        };
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"label\">{}</text>",
            label_width - 6.0,
            y + row * 0.68,
            esc(&shown)
        ));
        svg.push_str(&format!(
            "<rect class=\"bar\" x=\"{label_width:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\"><title>{}: {value}</title></rect>",
            y + 2.0,
            row - 6.0,
            esc(label)
        ));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{value}</text>",
            label_width + w + 4.0,
            y + row * 0.68
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A column chart over time: one column per period, in order, with the first, middle and
/// last period labelled under the axis.
pub fn columns(id: &str, items: &[(String, u64)]) -> String {
    if items.is_empty() {
        return empty();
    }
    let height = 200.0;
    let top = 16.0;
    let bottom = 30.0;
    let left = 44.0;
    let plot_height = height - top - bottom;
    let step = (WIDTH - left - 8.0) / items.len() as f64;
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1) as f64;
    let mut svg = open(id, height);
    svg.push_str(&format!(
        "<line class=\"axis\" x1=\"{left}\" y1=\"{:.1}\" x2=\"{WIDTH}\" y2=\"{:.1}\"/>",
        top + plot_height,
        top + plot_height
    ));
    svg.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"value\">{}</text>",
        left - 4.0,
        top + 4.0,
        max as u64
    ));
    // A few periods should not make slabs: columns are at most 40 units wide, centred.
    let width = (step * 0.8).clamp(0.5, 40.0);
    for (i, (label, value)) in items.iter().enumerate() {
        let h = (*value as f64 / max * plot_height).max(if *value > 0 { 1.0 } else { 0.0 });
        let x = left + step * (i as f64 + 0.5) - width / 2.0;
        svg.push_str(&format!(
            "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{h:.1}\"><title>{}: {value}</title></rect>",
            top + plot_height - h,
            esc(label)
        ));
    }
    let last = items.len() - 1;
    let mut labelled = vec![0, last / 2, last];
    labelled.dedup();
    for i in labelled {
        // The first label starts at its column and the last ends at its column, so
        // neither runs off the chart.
        let centre = left + step * (i as f64 + 0.5);
        let (x, anchor) = match i {
            _ if last == 0 => (centre, "middle"),
            0 => ((centre - width / 2.0).max(0.0), "start"),
            _ if i == last => ((centre + width / 2.0).min(WIDTH), "end"),
            _ => (centre, "middle"),
        };
        svg.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" class=\"label\">{}</text>",
            height - 10.0,
            esc(&items[i].0)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A world map of points (name, latitude, longitude, articles), in the equirectangular
/// projection with a 30-degree graticule: no coastlines (they would need a bundled shape
/// file), but positions, sizes and the ten most named places labelled are what a reader
/// scans for. Circle area follows the count.
pub fn map(id: &str, points: &[(String, f64, f64, u64)]) -> String {
    if points.is_empty() {
        return empty();
    }
    let height = WIDTH / 2.0;
    let x = |lon: f64| (lon.clamp(-180.0, 180.0) + 180.0) / 360.0 * WIDTH;
    let y = |lat: f64| (90.0 - lat.clamp(-90.0, 90.0)) / 180.0 * height;
    let mut svg = open(id, height);
    svg.push_str(&format!(
        "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height:.1}\"/>"
    ));
    for lon in (-150..=150).step_by(30) {
        let at = x(f64::from(lon));
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"{at:.1}\" y1=\"0\" x2=\"{at:.1}\" y2=\"{height:.1}\"/>"
        ));
    }
    for lat in (-60..=60).step_by(30) {
        let at = y(f64::from(lat));
        svg.push_str(&format!(
            "<line class=\"grid\" x1=\"0\" y1=\"{at:.1}\" x2=\"{WIDTH}\" y2=\"{at:.1}\"/>"
        ));
    }
    let max = points.iter().map(|p| p.3).max().unwrap_or(1).max(1) as f64;
    for (name, lat, lon, n) in points {
        let r = 2.0 + 10.0 * (*n as f64 / max).sqrt();
        svg.push_str(&format!(
            "<circle class=\"place\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\"><title>{}: {n}</title></circle>",
            x(*lon),
            y(*lat),
            esc(name)
        ));
    }
    for (name, lat, lon, _) in points.iter().take(10) {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">{}</text>",
            x(*lon) + 6.0,
            y(*lat) - 4.0,
            esc(name)
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn open(id: &str, height: f64) -> String {
    format!(
        "<svg class=\"chart\" id=\"{}\" viewBox=\"0 0 {WIDTH} {height:.1}\" width=\"{WIDTH}\" height=\"{height:.1}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(id)
    )
}

fn empty() -> String {
    "<p class=\"none\">nothing to show</p>".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_places_points_by_longitude_and_latitude() {
        let svg = map(
            "m",
            &[
                ("Baghdad".into(), 33.3, 44.4, 4),
                ("<Quito>".into(), -0.2, -78.5, 1),
            ],
        );
        // Baghdad: east of the centre line and north of the equator.
        assert!(
            svg.contains("cx=\"398.9\" cy=\"100.8\" r=\"12.0\""),
            "{svg}"
        );
        assert!(svg.contains("&lt;Quito&gt;: 1"));
        assert_eq!(map("m", &[]), empty());
    }

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = bars("b", &[("<Obama>".into(), 10), ("Kerry".into(), 5)]);
        assert!(svg.contains("&lt;Obama&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2);
        // The second bar is half the first.
        let widths: Vec<f64> = svg
            .split("width=\"")
            .skip(2)
            .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
            .collect();
        assert!((widths[0] / widths[1] - 2.0).abs() < 0.01, "{widths:?}");
    }

    #[test]
    fn columns_label_first_middle_and_last() {
        let items: Vec<(String, u64)> = (1..=5).map(|m| (format!("2020-0{m}"), m)).collect();
        let svg = columns("c", &items);
        assert_eq!(svg.matches("<rect").count(), 5);
        for label in ["2020-01", "2020-03", "2020-05"] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
        assert_eq!(columns("c", &[]), empty());
    }
}
