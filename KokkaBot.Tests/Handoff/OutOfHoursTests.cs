using KokkaBot.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace KokkaBot.Tests.Handoff;

/// <summary>Outside opening hours nobody can answer live: the bot learns when the team opens, and the user can leave a message.</summary>
public class OutOfHoursTests
{
    /// <summary>Sunday 15 March 2026, 12:00 in Helsinki (UTC+2).</summary>
    private static readonly DateTimeOffset SundayNoon = new(2026, 3, 15, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task Out_of_hours_the_team_is_closed_with_its_next_opening_and_a_ticket_reaches_the_advisors()
    {
        await using var host = await HandoffTestHost.StartAsync(services: s => s.AddSingleton(new HandoffClock(new FixedTime(SundayNoon))));
        await host.CreateAdvisorAsync("anna@example.fi", "Anna Advisor", ["kotka", "hamina"]);
        await host.CreateAdvisorAsync("lpr@example.fi", "Lasse", ["lappeenranta"]);
        await using var anna = await host.ConnectAdvisorAsync("anna@example.fi");
        await using var lasse = await host.ConnectAdvisorAsync("lpr@example.fi");

        var availability = host.Handoffs.Availability("en", "hamina", "housing");
        Assert.Equal("moona-kotka", availability.TeamId);
        Assert.False(availability.IsOpen);
        Assert.True(availability.AdvisorsOnline);
        Assert.False(availability.CanTakeNow);
        // MOONA opens on Monday at 8.
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.FromHours(2)), availability.NextOpening);

        await using var student = await host.StartStudentAsync();
        var ticketId = await host.Handoffs.CreateTicketAsync(
            new TicketRequest(student.Reference, "en", "hamina", "housing", "explicit", "Can someone call me about my lease?", "+358 40 123 4567"),
            TestContext.Current.CancellationToken);

        var open = await anna.InvokeAsync<IReadOnlyList<TicketView>>("GetTickets", false);
        var ticket = Assert.Single(open);
        Assert.Equal((ticketId, "moona-kotka", "Open"), (ticket.Id, ticket.TeamId, ticket.Status));
        Assert.Equal(("Can someone call me about my lease?", "+358 40 123 4567"), (ticket.Message, ticket.Contact));
        Assert.Equal(SundayNoon, ticket.CreatedAt);
        Assert.Empty(await lasse.InvokeAsync<IReadOnlyList<TicketView>>("GetTickets", true));
        Assert.Null(await lasse.InvokeAsync<TicketView?>("CloseTicket", ticketId, "not mine"));

        var closed = await anna.InvokeAsync<TicketView?>("CloseTicket", ticketId, "Called back on Monday.");
        Assert.Equal(("Closed", "Anna Advisor", "Called back on Monday."), (closed!.Status, closed.ClosedBy, closed.Note));
        Assert.Empty(await anna.InvokeAsync<IReadOnlyList<TicketView>>("GetTickets", false));
        Assert.Single(await anna.InvokeAsync<IReadOnlyList<TicketView>>("GetTickets", true));
    }

    [Fact]
    public async Task In_hours_with_an_advisor_online_the_team_can_take_the_conversation_now()
    {
        var mondayMorning = new DateTimeOffset(2026, 3, 16, 9, 30, 0, TimeSpan.FromHours(2));
        await using var host = await HandoffTestHost.StartAsync(services: s => s.AddSingleton(new HandoffClock(new FixedTime(mondayMorning))));
        Assert.False(host.Handoffs.Availability("en", "kotka", "housing").AdvisorsOnline);

        await host.CreateAdvisorAsync("anna@example.fi", "Anna", ["kotka"]);
        await using (var anna = await host.ConnectAdvisorAsync("anna@example.fi"))
        {
            var availability = host.Handoffs.Availability("en", "kotka", "housing");
            Assert.True(availability.CanTakeNow);
            Assert.Null(availability.NextOpening);
            // An advisor limited to Kotka is no one online for South Karelia.
            Assert.False(host.Handoffs.Availability("en", "imatra", "housing").AdvisorsOnline);
        }

        // Offline again once the console is gone.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (host.Handoffs.Availability("en", "kotka", "housing").AdvisorsOnline && DateTime.UtcNow < until)
            await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(host.Handoffs.Availability("en", "kotka", "housing").AdvisorsOnline);
    }
}
