package example.inventory;

/** An item in stock. */
public record Item(long id, String name, int stock) {
}
