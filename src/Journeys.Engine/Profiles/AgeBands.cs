namespace Journeys.Engine.Profiles;

/// <summary>The age bands the airline reports passenger distribution in.</summary>
public static class AgeBands
{
    public static string Of(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        if (birthDate > today.AddYears(-age))
        {
            age--;
        }

        return age switch
        {
            < 18 => "0-17",
            < 25 => "18-24",
            < 35 => "25-34",
            < 45 => "35-44",
            < 55 => "45-54",
            < 65 => "55-64",
            _ => "65+",
        };
    }
}
