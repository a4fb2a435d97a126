using System.Text;
using KokkaBot.Bot.Cards;
using KokkaBot.Bot.Schema;

namespace KokkaBot.Tests.Bot.Cards;

/// <summary>Reading a card button's data from the activity each channel sends when it is clicked.</summary>
public class CardSubmitTests
{
    private static Activity Read(string json) => BotJson.DeserializeActivity(Encoding.UTF8.GetBytes(json))!;

    [Fact]
    public void A_web_chat_submit_is_a_message_whose_value_is_the_data_including_msteams()
    {
        // Web Chat sends Action.Submit object data as a postBack: value = data, no text; it does not know msteams.
        var activity = Read("""
            {
              "type": "message", "channelId": "directline", "from": { "id": "dl_1", "role": "user" },
              "channelData": { "postBack": true },
              "value": { "action": "enroll", "course": "KE1", "msteams": { "type": "messageBack", "text": "ilmoittaudu", "displayText": "Ilmoittaudu", "value": "{\"action\":\"enroll\",\"course\":\"KE1\"}" } }
            }
            """);

        Assert.True(CardSubmit.TryGetSubmit(activity, out var value));
        Assert.Equal("KE1", CardSubmit.GetString(value, "course"));
        Assert.Equal("enroll", CardSubmit.GetAction(activity));
        Assert.Null(activity.Text);
    }

    [Fact]
    public void A_teams_message_back_submit_carries_text_and_the_data_as_value()
    {
        var activity = Read("""
            {
              "type": "message", "channelId": "msteams", "from": { "id": "29:1abc", "aadObjectId": "x" },
              "conversation": { "id": "a:1xyz", "conversationType": "personal" },
              "text": "ilmoittaudu",
              "value": { "action": "enroll", "course": "KE1" },
              "channelData": { "tenant": { "id": "t" }, "source": { "name": "message" } }
            }
            """);

        Assert.True(CardSubmit.TryGetSubmit(activity, out var value));
        Assert.Equal("enroll", CardSubmit.GetAction(activity));
        Assert.Equal("KE1", CardSubmit.GetString(value, "course"));
        Assert.Equal("ilmoittaudu", activity.Text);
    }

    [Fact]
    public void A_message_back_value_sent_as_a_json_string_is_parsed()
    {
        var activity = Read("""
            { "type": "message", "channelId": "msteams", "text": "peru", "value": "{\"action\":\"cancel\",\"course\":\"KE1\"}" }
            """);

        Assert.True(CardSubmit.TryGetSubmit(activity, out var value));
        Assert.Equal("cancel", CardSubmit.GetAction(activity));
        Assert.Equal("KE1", CardSubmit.GetString(value, "course"));
    }

    [Fact]
    public void Card_input_values_arrive_beside_the_data()
    {
        // Inputs are sent with the submit, each under its id; a number stays a number.
        var activity = Read("""{ "type": "message", "value": { "action": "feedback", "comment": "Hyvä", "stars": 5 } }""");

        Assert.True(CardSubmit.TryGetSubmit(activity, out var value));
        Assert.Equal("Hyvä", CardSubmit.GetString(value, "comment"));
        Assert.Null(CardSubmit.GetString(value, "stars"));
        Assert.Equal(5, value.GetProperty("stars").GetInt32());
    }

    [Theory]
    [InlineData("""{ "type": "message", "text": "hei" }""")]
    [InlineData("""{ "type": "message", "text": "hei", "value": "just text" }""")]
    [InlineData("""{ "type": "message", "value": "{ not json" }""")]
    [InlineData("""{ "type": "message", "value": [1, 2] }""")]
    [InlineData("""{ "type": "event", "name": "x", "value": { "action": "enroll" } }""")]
    public void Anything_else_is_not_a_submit(string json)
    {
        var activity = Read(json);

        Assert.False(CardSubmit.TryGetSubmit(activity, out _));
        Assert.Null(CardSubmit.GetAction(activity));
    }

    [Fact]
    public void A_submit_without_an_action_has_a_value_but_no_action()
    {
        var activity = Read("""{ "type": "message", "value": { "action": 3, "other": "x" } }""");

        Assert.True(CardSubmit.TryGetSubmit(activity, out _));
        Assert.Null(CardSubmit.GetAction(activity));
    }

    [Fact]
    public void Data_built_for_a_submit_is_read_back_by_the_same_convention()
    {
        var data = SubmitAction.For("Go", "go", new Dictionary<string, string> { ["to"] = "KE1" }).WithTeamsMessageBack("go").Data!.Value;
        var activity = new Activity { Type = ActivityTypes.Message, Value = data };

        Assert.Equal("go", CardSubmit.GetAction(activity));
        Assert.True(CardSubmit.TryGetSubmit(activity, out var value));
        Assert.Equal("KE1", CardSubmit.GetString(value, "to"));
    }
}
