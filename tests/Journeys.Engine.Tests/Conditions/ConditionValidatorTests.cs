using System.Text.Json;
using Journeys.Engine.Conditions;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Conditions;

public sealed class ConditionValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(string json, IReadOnlySet<FieldRoot>? roots = null) =>
        ConditionValidator.Validate(JsonSerializer.Deserialize<Condition>(json, EngineJson.Options), "condition", roots);

    [Fact]
    public void A_well_formed_tree_has_no_errors() =>
        Assert.Empty(Validate("""
            { "type": "and", "conditions": [
              { "type": "field", "field": "traits.country", "op": "in", "value": ["FR", "BE"] },
              { "type": "not", "condition": { "type": "field", "field": "event.properties.cartId", "op": "exists" } },
              { "type": "field", "field": "computed.lastTrip", "op": "withinLast", "value": "P30D" } ] }
            """));

    [Fact]
    public void Every_error_is_reported_with_its_json_location()
    {
        var errors = Validate("""
            { "type": "or", "conditions": [
              { "type": "field", "field": "profile.country", "op": "eq", "value": "FR" },
              { "type": "field", "field": "traits.age", "op": "greaterThan", "value": 3 },
              { "type": "not", "condition": { "type": "field", "field": "computed.bookings", "op": "gt", "value": "many" } } ] }
            """);

        Assert.Equal(
            ["condition.conditions[0].field", "condition.conditions[1].op", "condition.conditions[2].condition.value"],
            errors.Select(error => error.Location));
        Assert.Contains("unknown root field", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown operator 'greaterThan'", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eq", "[1]")]
    [InlineData("in", "\"FR\"")]
    [InlineData("gt", "\"5\"")]
    [InlineData("before", "\"yesterday\"")]
    [InlineData("withinLast", "\"7 days\"")]
    [InlineData("exists", "true")]
    [InlineData("startsWith", "5")]
    public void A_value_of_the_wrong_type_for_its_operator_is_an_error(string op, string value)
    {
        var error = Assert.Single(ConditionValidator.Validate(new FieldCondition("traits.x", op, Json(value)), "c"));
        Assert.Equal("c.value", error.Location);
    }

    [Fact]
    public void A_root_not_allowed_in_the_context_is_an_error()
    {
        var segmentRoots = new HashSet<FieldRoot> { FieldRoot.Traits, FieldRoot.Computed };
        var error = Assert.Single(Validate("""{ "type": "field", "field": "event.name", "op": "exists" }""", segmentRoots));
        Assert.Equal("condition.field", error.Location);
    }

    [Fact]
    public void A_root_without_a_field_name_is_an_error() =>
        Assert.Equal("condition.field", Assert.Single(Validate("""{ "type": "field", "field": "traits", "op": "exists" }""")).Location);
}
