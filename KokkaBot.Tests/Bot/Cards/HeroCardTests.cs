using System.Text.Json.Nodes;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Bot.Cards;

public class HeroCardTests
{
    [Fact]
    public void A_hero_card_has_title_subtitle_text_images_and_each_kind_of_button()
    {
        var card = new HeroCard
        {
            Title = "Kemia 1",
            Subtitle = "Syksy",
            Text = "Kurssi alkaa 1.9.",
            Images = [new CardImage("https://example.fi/ke1.png") { Alt = "Kemia" }],
            Buttons =
            [
                CardAction.OpenUrl("Kurssisivu", "https://example.fi/ke1"),
                CardAction.ImBack("Valikko"),
                CardActions.PostBack("Ilmoittaudu", CardSubmit.Data("enroll")),
                CardActions.MessageBack("Peru", CardSubmit.Data("cancel"), text: "peru", displayText: "Peruin"),
            ],
            Tap = CardAction.OpenUrl("Avaa", "https://example.fi/"),
        };

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.hero", attachment.ContentType);
        var json = JsonNode.Parse(attachment.Content!.Value.GetRawText());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "title": "Kemia 1",
              "subtitle": "Syksy",
              "text": "Kurssi alkaa 1.9.",
              "images": [ { "url": "https://example.fi/ke1.png", "alt": "Kemia" } ],
              "buttons": [
                { "type": "openUrl", "title": "Kurssisivu", "value": "https://example.fi/ke1" },
                { "type": "imBack", "title": "Valikko", "value": "Valikko" },
                { "type": "postBack", "title": "Ilmoittaudu", "value": { "action": "enroll" } },
                { "type": "messageBack", "title": "Peru", "text": "peru", "displayText": "Peruin", "value": { "action": "cancel" } }
              ],
              "tap": { "type": "openUrl", "title": "Avaa", "value": "https://example.fi/" }
            }
            """), json), json!.ToJsonString());
    }

    [Fact]
    public void An_empty_hero_card_is_an_empty_object()
    {
        Assert.Equal("{}", new HeroCard().ToJson().GetRawText());
    }
}
