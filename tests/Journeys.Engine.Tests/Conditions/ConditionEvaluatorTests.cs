using System.Text.Json;
using Journeys.Engine.Conditions;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Conditions;

public sealed class ConditionEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IFieldSource Fields = new JsonFieldSource(
        Json("""{ "country": "FR", "tags": ["vip", "driver"], "signedUpAt": "2025-05-28T10:00:00Z", "hasApp": true }"""),
        Json("""{ "bookings": 7, "lastRoute": { "from": "Paris", "to": "Lyon" } }"""),
        Json("""{ "name": "Cart Updated", "properties": { "cartId": "c-42", "total": 19.5 } }"""),
        Json("""{ "cartId": "c-42" }"""));

    private static bool Holds(string field, string op, string? value = null) =>
        ConditionEvaluator.Evaluate(new FieldCondition(field, op, value is null ? null : Json(value)), Fields, Now);

    [Theory]
    [InlineData("traits.country", "eq", "\"FR\"", true)]
    [InlineData("traits.country", "eq", "\"fr\"", false)]
    [InlineData("traits.country", "neq", "\"DE\"", true)]
    [InlineData("traits.missing", "neq", "\"DE\"", true)]
    [InlineData("computed.bookings", "gt", "5", true)]
    [InlineData("computed.bookings", "gte", "7", true)]
    [InlineData("computed.bookings", "lt", "7", false)]
    [InlineData("computed.bookings", "lte", "7", true)]
    [InlineData("traits.country", "in", "[\"FR\", \"BE\"]", true)]
    [InlineData("traits.country", "notIn", "[\"FR\", \"BE\"]", false)]
    [InlineData("traits.tags", "contains", "\"vip\"", true)]
    [InlineData("computed.lastRoute.from", "contains", "\"ari\"", true)]
    [InlineData("computed.lastRoute.to", "startsWith", "\"Ly\"", true)]
    [InlineData("traits.signedUpAt", "before", "\"2025-06-01\"", true)]
    [InlineData("traits.signedUpAt", "after", "\"2025-06-01\"", false)]
    [InlineData("traits.signedUpAt", "withinLast", "\"P7D\"", true)]
    [InlineData("traits.signedUpAt", "withinLast", "\"P1D\"", false)]
    [InlineData("event.properties.cartId", "eq", "\"c-42\"", true)]
    [InlineData("event.properties.total", "gt", "19", true)]
    [InlineData("context.cartId", "eq", "\"c-42\"", true)]
    [InlineData("traits.tags.1", "eq", "\"driver\"", true)]
    [InlineData("traits.tags.2", "eq", "\"x\"", false)]
    [InlineData("traits.tags.-1", "eq", "\"vip\"", false)]
    [InlineData("traits.hasApp", "eq", "true", true)]
    public void Each_operator_compares_the_field_with_the_value(string field, string op, string value, bool expected) =>
        Assert.Equal(expected, Holds(field, op, value));

    [Fact]
    public void Exists_and_notExists_look_only_at_presence()
    {
        Assert.True(Holds("computed.lastRoute", "exists"));
        Assert.False(Holds("computed.nothing", "exists"));
        Assert.True(Holds("computed.nothing", "notExists"));
    }

    [Fact]
    public void A_missing_field_fails_every_comparison_except_the_negative_ones()
    {
        Assert.False(Holds("traits.age", "gt", "1"));
        Assert.False(Holds("traits.age", "eq", "1"));
        Assert.True(Holds("traits.age", "notIn", "[1]"));
    }

    [Fact]
    public void Values_of_the_wrong_kind_make_the_comparison_false_instead_of_throwing()
    {
        Assert.False(Holds("traits.country", "gt", "\"A\""));
        Assert.False(Holds("computed.bookings", "startsWith", "\"7\""));
        Assert.False(Holds("traits.country", "before", "\"not a date\""));
        Assert.False(Holds("traits.country", "unknownOp", "1"));
    }

    [Fact]
    public void And_or_and_not_combine_their_children()
    {
        var french = new FieldCondition("traits.country", "eq", Json("\"FR\""));
        var frequent = new FieldCondition("computed.bookings", "gte", Json("10"));
        Assert.False(ConditionEvaluator.Evaluate(new AndCondition([french, frequent]), Fields, Now));
        Assert.True(ConditionEvaluator.Evaluate(new OrCondition([french, frequent]), Fields, Now));
        Assert.True(ConditionEvaluator.Evaluate(new NotCondition(frequent), Fields, Now));
        Assert.True(ConditionEvaluator.Evaluate(new AndCondition([]), Fields, Now));
        Assert.False(ConditionEvaluator.Evaluate(new OrCondition([]), Fields, Now));
    }

    [Fact]
    public void Conditions_read_from_json_with_the_type_discriminator_anywhere()
    {
        var condition = JsonSerializer.Deserialize<Condition>(
            """{ "conditions": [ { "field": "traits.country", "op": "eq", "value": "FR", "type": "field" } ], "type": "and" }""",
            EngineJson.Options)!;
        Assert.True(ConditionEvaluator.Evaluate(condition, Fields, Now));
    }
}
