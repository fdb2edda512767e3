using Journeys.Engine.Journeys;

namespace Journeys.Engine.Tests.Journeys;

public sealed class JourneyValidatorTests
{
    private static IReadOnlyList<ValidationError> Errors(string nodesJson, string extra = "") =>
        JourneyParser.Parse($$"""
            { "id": "j", "version": 1, {{extra}}
              "trigger": { "type": "event", "event": "Start", "next": "first" },
              "nodes": {{nodesJson}} }
            """).Errors;

    private static void AssertError(IReadOnlyList<ValidationError> errors, string location, string fragment) =>
        Assert.Contains(errors, e => e.Location == location && e.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void A_valid_journey_has_no_errors() =>
        Assert.Empty(Errors("""[ { "id": "first", "type": "wait", "duration": "PT1H", "next": "done" }, { "id": "done", "type": "exit" } ]"""));

    [Fact]
    public void Unknown_and_missing_exit_targets_are_located()
    {
        var errors = Errors("""
            [ { "id": "first", "type": "condition", "condition": { "type": "field", "field": "traits.a", "op": "exists" }, "ifTrue": "nowhere", "ifFalse": "" },
              { "id": "done", "type": "exit" } ]
            """);

        AssertError(errors, "nodes[0].ifTrue", "unknown exit target 'nowhere'");
        AssertError(errors, "nodes[0].ifFalse", "an exit target is required");
    }

    [Fact]
    public void An_unreachable_node_is_reported() =>
        AssertError(
            Errors("""[ { "id": "first", "type": "exit" }, { "id": "orphan", "type": "exit" } ]"""),
            "nodes[1]",
            "unreachable");

    [Fact]
    public void A_cycle_without_a_wait_is_reported_but_one_through_a_wait_is_fine()
    {
        AssertError(
            Errors("""
                [ { "id": "first", "type": "awardPoints", "points": 1, "next": "second" },
                  { "id": "second", "type": "awardPoints", "points": 1, "next": "first" } ]
                """),
            "nodes[1].next",
            "cycle back to 'first' without a wait");

        Assert.Empty(Errors("""
            [ { "id": "first", "type": "awardPoints", "points": 1, "next": "pause" },
              { "id": "pause", "type": "wait", "duration": "P1D", "next": "first" } ]
            """));
    }

    [Fact]
    public void Split_weights_must_sum_to_one_hundred() =>
        AssertError(
            Errors("""
                [ { "id": "first", "type": "split", "branches": [ { "name": "A", "weight": 50, "next": "done" }, { "name": "B", "weight": 40, "next": "done" } ] },
                  { "id": "done", "type": "exit" } ]
                """),
            "nodes[0].branches",
            "weights sum to 90, not 100");

    [Fact]
    public void Unknown_fields_and_operators_in_conditions_are_located_inside_the_node() =>
        AssertError(
            Errors("""
                [ { "id": "first", "type": "condition", "condition": { "type": "and", "conditions": [ { "type": "field", "field": "traits.a", "op": "like", "value": "x" } ] }, "ifTrue": "done", "ifFalse": "done" },
                  { "id": "done", "type": "exit" } ]
                """),
            "nodes[0].condition.conditions[0].op",
            "unknown operator 'like'");

    [Fact]
    public void Bad_template_references_are_located_at_the_template_part() =>
        AssertError(
            Errors("""
                [ { "id": "first", "type": "message", "channel": "email", "topic": "news", "template": { "subject": "{{ customer.name }}", "body": "ok" }, "next": "done" },
                  { "id": "done", "type": "exit" } ]
                """),
            "nodes[0].template.subject",
            "unknown variable root 'customer'");

    [Fact]
    public void Every_error_is_returned_not_just_the_first()
    {
        var errors = Errors(
            """
            [ { "id": "first", "type": "holdout", "percent": 150, "next": "ghost" },
              { "id": "first", "type": "wait", "duration": "-PT1H", "next": "done" },
              { "id": "done", "type": "exit" } ]
            """,
            """ "entry": { "mode": "oncePerPeriod" }, "goal": { "event": "", "window": "P1D" }, """);

        Assert.Equal(
            ["nodes[1].id", "entry.period", "goal.event", "nodes[0].next", "nodes[0].percent", "nodes[1].duration"],
            errors.Select(e => e.Location).Take(6));
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_path()
    {
        var result = JourneyParser.Parse("""{ "id": "j", "version": 1, "trigger": { "type": "event", "event": "Start", "next": "a" }, "nodes": [ { "id": "a", "type": "teleport" } ] }""");

        Assert.Null(result.Definition);
        Assert.StartsWith("nodes[0]", Assert.Single(result.Errors).Location, StringComparison.Ordinal);
    }

    // Found by the HTTP fuzzer (tests/Journeys.EndToEnd.Tests/BadInputFuzzTests): the gateway answered 500.
    [Fact]
    public void A_node_without_a_type_is_an_error_at_its_type_not_an_exception() =>
        AssertError(Errors("""[ { "id": "first", "next": "done" }, { "id": "done", "type": "exit" } ]"""), "nodes[0].type", "\"type\"");

    // Found by the HTTP fuzzer: an empty campaign was saved.
    [Fact]
    public void Promo_code_and_voucher_nodes_need_a_campaign_and_a_voucher_type()
    {
        var errors = Errors("""
            [ { "id": "first", "type": "issuePromoCode", "campaign": " ", "next": "voucher" },
              { "id": "voucher", "type": "issueVoucher", "voucherType": "", "next": "done" },
              { "id": "done", "type": "exit" } ]
            """);

        AssertError(errors, "nodes[0].campaign", "a value is required");
        AssertError(errors, "nodes[1].voucherType", "a value is required");
    }

    // Found by the HTTP fuzzer: a null in a list of the definition made the validator throw (500).
    [Fact]
    public void Null_nodes_branches_and_caps_are_errors_at_their_place()
    {
        AssertError(Errors("""[ { "id": "first", "type": "exit" }, null ]"""), "nodes[1]", "not null");
        AssertError(
            Errors("""[ { "id": "first", "type": "split", "branches": [ null, { "name": "b", "weight": 100, "next": "done" } ] }, { "id": "done", "type": "exit" } ]"""),
            "nodes[0].branches[0]",
            "not null");
        AssertError(
            Errors("""[ { "id": "first", "type": "exit" } ]""", extra: "\"policies\": { \"frequencyCaps\": [ null ] },"),
            "policies.frequencyCaps[0]",
            "not null");
    }

    // Found by the HTTP fuzzer: a missing property was reported at its object (nodes[0]), not at the property.
    [Fact]
    public void Missing_required_properties_are_errors_at_the_properties()
    {
        AssertError(Errors("""[ { "type": "wait", "next": "done" }, { "id": "done", "type": "exit" } ]"""), "nodes[0].id", "a value is required");
        AssertError(Errors("""[ { "id": "first", "type": "wait", "duration": "PT1H" } ]"""), "nodes[0].next", "a value is required");
        AssertError(JourneyParser.Parse("""{ "id": "j", "version": 1, "nodes": [] }""").Errors, "trigger", "a value is required");
    }
}
