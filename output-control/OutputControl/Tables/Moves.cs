namespace OutputControl.Tables;

/// <summary>
/// The smallest moves along one dimension that keep all of its relations: vectors over the dimension's index with
/// the cell's own index at +1. Going down, an aggregate's +1 is matched by one child at +1 (down to a leaf); going
/// up, the cell is matched in its parent's relation either by a sibling at −1 (completed down the same way) or by
/// the parent at +1 (which then needs the same at its own parent). In a flat dimension a move is the cell and one
/// partner: another category at −1 or the total at +1. The tensor product of one move per dimension keeps every
/// relation of the table, so it is a hypercube certificate's or a hypercube suppression's shape.
/// </summary>
internal static class Moves
{
    /// <summary>
    /// Up to <paramref name="cap"/> moves through <paramref name="cell"/> on dimension <paramref name="d"/>, using only
    /// indices whose cell (the other coordinates as <paramref name="cell"/>'s) is <paramref name="usable"/>, preferred
    /// in ascending <paramref name="order"/> at every branch. A dimension on which the cell is in no relation gives the
    /// single move of the cell alone; one whose relations cannot be balanced gives none.
    /// </summary>
    public static List<(int Index, int Sign)[]> Of(
        TableGrid grid, int cell, int d, Func<int, bool> usable, Func<int, decimal> order, int cap)
    {
        var h = grid.Hierarchy[d];
        var a = grid.Coord(cell, d);
        var result = new List<(int Index, int Sign)[]>();
        var path = new List<(int Index, int Sign)> { (a, 1) };
        // At most cap moves are built, so no branch needs more than the cap first indices: a bounded heap finds them
        // without sorting a dimension of 14,000 buurten for every cell.
        IEnumerable<int> Ordered(IEnumerable<int> indices)
        {
            var heap = new PriorityQueue<int, (decimal Order, int Index)>(Comparer<(decimal Order, int Index)>.Create((x, y) => y.CompareTo(x)));
            foreach (var i in indices)
            {
                var at = grid.WithCoord(cell, d, i);
                if (!usable(at))
                {
                    continue;
                }

                var key = (order(at), i);
                if (heap.Count < cap)
                {
                    heap.Enqueue(i, key);
                }
                else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) < 0)
                {
                    heap.DequeueEnqueue(i, key);
                }
            }

            var chosen = new (decimal Order, int Index)[heap.Count];
            for (var k = chosen.Length - 1; k >= 0; k--)
            {
                heap.TryDequeue(out var i, out var key);
                chosen[k] = key;
            }

            return chosen.Select(c => c.Index);
        }

        // Continuations are explicit (a stack of pending work) so that every combination is built by one walk.
        bool Down(int x, int sign, Func<bool> then)
        {
            if (h.IsLeaf(x))
            {
                return then();
            }

            foreach (var c in Ordered(h.Children[x]))
            {
                path.Add((c, sign));
                var stop = Down(c, sign, then);
                path.RemoveAt(path.Count - 1);
                if (stop)
                {
                    return true;
                }
            }

            return false;
        }

        bool Up(int x, int sign)
        {
            var parent = h.Parent[x];
            if (parent < 0)
            {
                result.Add([.. path]);
                return result.Count >= cap;
            }

            foreach (var b in Ordered(h.Children[parent].Where(b => b != x)))
            {
                path.Add((b, -sign));
                var stop = Down(b, -sign, () =>
                {
                    result.Add([.. path]);
                    return result.Count >= cap;
                });
                path.RemoveAt(path.Count - 1);
                if (stop)
                {
                    return true;
                }
            }

            if (usable(grid.WithCoord(cell, d, parent)))
            {
                path.Add((parent, sign));
                var stop = Up(parent, sign);
                path.RemoveAt(path.Count - 1);
                return stop;
            }

            return false;
        }

        Down(a, 1, () => Up(a, 1));
        return result;
    }

    /// <summary>Visits every corner of the cube spanned by one move per dimension: its cell and its sign.</summary>
    public static void Corners(TableGrid grid, int cell, IReadOnlyList<int> dims, IReadOnlyList<(int Index, int Sign)[]> moves, Func<int, int, bool> visit)
    {
        var pick = new int[dims.Count];
        while (true)
        {
            var c = cell;
            var sign = 1;
            for (var i = 0; i < dims.Count; i++)
            {
                var (index, s) = moves[i][pick[i]];
                c = grid.WithCoord(c, dims[i], index);
                sign *= s;
            }

            if (!visit(c, sign))
            {
                return;
            }

            var k = 0;
            while (k < pick.Length && ++pick[k] == moves[k].Length)
            {
                pick[k] = 0;
                k++;
            }

            if (k == pick.Length)
            {
                return;
            }
        }
    }
}
