using Journeys.Engine.Journeys;

namespace Journeys.Engine.Tests.Journeys;

public sealed class LiquidTemplateCheckerTests
{
    private static IReadOnlyList<string> Check(string template) => LiquidTemplateChecker.Check(template, LiquidTemplateChecker.JourneyRoots);

    [Theory]
    [InlineData("Hello {{ traits.firstName | default: 'there' }}!")]
    [InlineData("{% if computed.bookings > 3 and traits.vip %}VIP{% elsif event.name == \"x\" %}x{% else %}-{% endif %}")]
    [InlineData("{% for trip in computed.trips limit: 3 %}{{ trip.route }}{% unless forloop.last %},{% endunless %}{% endfor %}")]
    [InlineData("{% assign total = context.total | times: 1.2 %}{{ total }}")]
    [InlineData("{% capture greeting %}Hi {{ profile.id }}{% endcapture %}{{ greeting }}")]
    [InlineData("{% comment %}{{ anything.goes }}{% endcomment %}{{ journey.name }}")]
    [InlineData("{{ computed.prices[context.route] }}")]
    public void Valid_templates_pass(string template) => Assert.Empty(Check(template));

    [Theory]
    [InlineData("Hello {{ user.name }}", "unknown variable root 'user'")]
    [InlineData("Hello {{ traits.name ", "never closed")]
    [InlineData("{% if traits.vip %}VIP", "'if' is never closed")]
    [InlineData("{% endfor %}", "closes nothing open")]
    [InlineData("{% iff traits.vip %}{% endif %}", "unknown tag 'iff'")]
    [InlineData("{{ traits.name | default: 'x }}", "unterminated string")]
    [InlineData("{{ traits.name | default: secret.value }}", "unknown variable root 'secret'")]
    public void Broken_templates_are_reported(string template, string expected) =>
        Assert.Contains(Check(template), error => error.Contains(expected, StringComparison.Ordinal));
}
