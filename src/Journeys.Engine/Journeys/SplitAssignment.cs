using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Journeys.Engine.Journeys;

/// <summary>
/// Deterministic buckets for splits and holdouts: the same profile lands in the same place on every
/// replay and every silo. The node id is part of the hash so that two splits in one journey (say a
/// holdout then an A/B split) are independent instead of slicing the same ordering twice.
/// </summary>
public static class SplitAssignment
{
    /// <summary>A number in [0, 100), uniform over profiles.</summary>
    public static double Bucket(string profileId, string journeyId, string nodeId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{profileId}\n{journeyId}\n{nodeId}"), hash);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return bits * (100.0 / (1UL << 53));
    }

    /// <summary>The branch whose cumulative weight range holds the bucket; the last branch absorbs rounding.</summary>
    public static int ChooseBranch(IReadOnlyList<SplitBranch> branches, double bucket)
    {
        var total = branches.Sum(branch => branch.Weight);
        var cumulative = 0.0;
        for (var i = 0; i < branches.Count; i++)
        {
            cumulative += branches[i].Weight * 100.0 / total;
            if (bucket < cumulative)
            {
                return i;
            }
        }

        return branches.Count - 1;
    }
}
