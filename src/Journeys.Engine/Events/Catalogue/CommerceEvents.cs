namespace Journeys.Engine.Events.Catalogue;

public sealed record CartItem(string Sku, string Name, int Quantity, decimal Price)
{
    internal static CartItem? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var sku = r.String("sku", required: true);
        var name = r.String("name", required: true);
        var quantity = r.Integer("quantity", required: true, minimum: 1);
        var price = r.Decimal("price", required: true);
        return r.ErrorCount > mark ? null : new CartItem(sku!, name!, quantity!.Value, price!.Value);
    }
}

/// <summary>The cart as it now stands; an empty item list is allowed (the visitor emptied it).</summary>
public sealed record CartUpdated(string CartId, IReadOnlyList<CartItem> Items, decimal Value, string Currency) : EventProperties
{
    internal static CartUpdated? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var cartId = r.String("cartId", required: true);
        var items = r.Array("items", required: true, minimumCount: 0, CartItem.Read);
        var value = r.Decimal("value", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark ? null : new CartUpdated(cartId!, items!, value!.Value, currency!);
    }
}

public sealed record CheckoutStarted(string CartId, decimal? Value, string? Currency) : EventProperties
{
    internal static CheckoutStarted? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var cartId = r.String("cartId", required: true);
        var value = r.Decimal("value", required: false);
        var currency = r.Code("currency", required: value is not null, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark ? null : new CheckoutStarted(cartId!, value, currency);
    }
}

public sealed record OrderCompleted(string CartId, string OrderId, IReadOnlyList<CartItem> Items, decimal Value, string Currency) : EventProperties
{
    internal static OrderCompleted? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var cartId = r.String("cartId", required: true);
        var orderId = r.String("orderId", required: true);
        var items = r.Array("items", required: true, minimumCount: 1, CartItem.Read);
        var value = r.Decimal("value", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark ? null : new OrderCompleted(cartId!, orderId!, items!, value!.Value, currency!);
    }
}
