package dev.xamba.cli.calibrate;

import java.util.List;

/**
 * Least-squares fit of {@code time = fixed + slope × count} with both terms kept non-negative: a negative intercept
 * (noise at small sizes) refits the slope through the origin, a negative slope keeps the mean as a fixed cost.
 */
record LinearFit(double fixed, double slope) {
    record Point(double count, double us) {}

    static LinearFit of(List<Point> points) {
        int n = points.size();
        if (n == 0) return new LinearFit(0, 0);
        double mx = 0, my = 0;
        for (Point p : points) {
            mx += p.count();
            my += p.us();
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (Point p : points) {
            sxx += (p.count() - mx) * (p.count() - mx);
            sxy += (p.count() - mx) * (p.us() - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double fixed = my - slope * mx;
        if (slope < 0) return new LinearFit(Math.max(0, my), 0);
        if (fixed < 0) {
            double sxyO = 0, sxxO = 0;
            for (Point p : points) {
                sxyO += p.count() * p.us();
                sxxO += p.count() * p.count();
            }
            return new LinearFit(0, sxxO == 0 ? 0 : Math.max(0, sxyO / sxxO));
        }
        return new LinearFit(fixed, slope);
    }
}
