namespace Journeys.Grains.Profiles;

/// <summary>The grain storage provider of profile state (see the silo hosting for why it is its own).</summary>
public static class ProfileStorage
{
    public const string Name = "profiles";
}
