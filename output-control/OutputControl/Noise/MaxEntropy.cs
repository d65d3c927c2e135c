namespace OutputControl.Noise;

/// <summary>
/// The maximum-entropy distribution on the whole numbers <c>lo..hi</c> (lo ≤ 0 ≤ hi) with mean 0 and a given variance,
/// as the ptable package builds each row of a perturbation table: among all unbiased noise distributions with that
/// variance, the one that assumes least, p(x) ∝ exp(a·x + b·x²).
/// </summary>
internal static class MaxEntropy
{
    private const int MaxIterations = 500;

    /// <summary>The largest variance a mean-0 distribution on lo..hi can have: all mass on the two ends.</summary>
    public static double MaxVariance(int lo, int hi) => -(double)lo * hi;

    /// <summary>
    /// Probabilities of lo, lo+1, …, hi. A variance at the maximum gives the two-point distribution on the ends (the
    /// limit of the exponential family), and a support of one point (lo = hi = 0) gives noise 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the variance is negative or above <see cref="MaxVariance"/>.</exception>
    public static double[] Solve(int lo, int hi, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lo, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(hi, 0);
        var max = MaxVariance(lo, hi);
        if (variance < 0 || variance > max)
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, $"must be in [0, {max}] on {lo}..{hi} with mean 0");
        }

        var p = new double[hi - lo + 1];
        if (variance == 0)
        {
            p[-lo] = 1;
            return p;
        }

        if (variance == max)
        {
            // Mean 0 on {lo, hi}: p(lo)·lo + p(hi)·hi = 0.
            p[0] = hi / (double)(hi - lo);
            p[^1] = -lo / (double)(hi - lo);
            return p;
        }

        return Newton(lo, hi, variance);
    }

    /// <summary>
    /// Damped Newton on the convex dual F(a, b) = log Σ exp(a·x + b·x²) − b·V, whose gradient is (E[x], E[x²] − V) and
    /// whose Hessian is the covariance of (x, x²): at its minimum the mean is 0 and the variance V. A step is taken when
    /// it decreases F enough (Armijo) or, close to the minimum where F no longer changes in double precision, when it
    /// shrinks the gradient.
    /// </summary>
    private static double[] Newton(int lo, int hi, double variance)
    {
        double a = 0, b = 0;
        var meanTolerance = 1e-12 * Math.Max(1, Math.Sqrt(variance));
        var varianceTolerance = 1e-12 * Math.Max(1, variance);
        double Residual(double g1, double g2) => Math.Max(Math.Abs(g1) / meanTolerance, Math.Abs(g2) / varianceTolerance);
        var (f, p) = Evaluate(lo, hi, a, b, variance);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Moments(lo, p, out var m1, out var m2, out var m3, out var m4);
            var g1 = m1;
            var g2 = m2 - variance;
            var residual = Residual(g1, g2);
            if (residual <= 1)
            {
                return p;
            }

            var h11 = m2 - (m1 * m1);
            var h12 = m3 - (m1 * m2);
            var h22 = m4 - (m2 * m2);
            var det = (h11 * h22) - (h12 * h12);
            double da = -g1, db = -g2;
            if (det > 0)
            {
                da = -((h22 * g1) - (h12 * g2)) / det;
                db = -((h11 * g2) - (h12 * g1)) / det;
            }

            var slope = (g1 * da) + (g2 * db);
            var accepted = false;
            for (var t = 1.0; t > 1e-12 && !accepted; t /= 2)
            {
                var (fn, pn) = Evaluate(lo, hi, a + (t * da), b + (t * db), variance);
                Moments(lo, pn, out var n1, out var n2, out _, out _);
                if (fn <= f + (1e-4 * t * slope) || Residual(n1, n2 - variance) < residual)
                {
                    a += t * da;
                    b += t * db;
                    (f, p) = (fn, pn);
                    accepted = true;
                }
            }

            if (!accepted)
            {
                break;
            }
        }

        throw new InvalidOperationException($"the maximum-entropy noise on {lo}..{hi} with variance {variance} did not converge");
    }

    private static (double F, double[] P) Evaluate(int lo, int hi, double a, double b, double variance)
    {
        var n = hi - lo + 1;
        var exponent = new double[n];
        var top = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            double x = lo + i;
            exponent[i] = (a * x) + (b * x * x);
            top = Math.Max(top, exponent[i]);
        }

        // log-sum-exp with the largest term factored out, so large multipliers never overflow.
        var sum = 0.0;
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = Math.Exp(exponent[i] - top);
            sum += p[i];
        }

        for (var i = 0; i < n; i++)
        {
            p[i] /= sum;
        }

        return (top + Math.Log(sum) - (b * variance), p);
    }

    private static void Moments(int lo, double[] p, out double m1, out double m2, out double m3, out double m4)
    {
        m1 = m2 = m3 = m4 = 0;
        for (var i = 0; i < p.Length; i++)
        {
            double x = lo + i;
            var x2 = x * x;
            m1 += p[i] * x;
            m2 += p[i] * x2;
            m3 += p[i] * x2 * x;
            m4 += p[i] * x2 * x2;
        }
    }
}
