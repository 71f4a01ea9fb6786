package example.inventory;

/** The body of a request that creates an item. */
public record NewItem(String name) {
}
