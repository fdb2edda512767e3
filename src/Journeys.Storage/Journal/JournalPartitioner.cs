using System.IO.Hashing;
using System.Text;

namespace Journeys.Storage.Journal;

/// <summary>Maps a profile to its journal partition; stable across processes and releases.</summary>
public static class JournalPartitioner
{
    public static int PartitionOf(string profileKind, string profileId, int partitionCount)
    {
        var key = Encoding.UTF8.GetBytes(profileKind + "/" + profileId);
        return (int)(XxHash32.HashToUInt32(key) % (uint)partitionCount);
    }
}
