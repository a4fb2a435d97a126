namespace KokkaBot.TextAnalysis;

/// <summary>
/// What the embedded language detector knows about each language it tells apart by more than its
/// script: a representative text (written for KokkaBot, in the register students use: questions about
/// tax cards, permits, work, housing, health and studies, thanks and complaints) from which the
/// character-trigram profile is built, and a list of frequent words. A list entry ending in * is a
/// stem: it matches every word that begins with it (Finnish, Russian and Ukrainian inflect a lot).
/// The texts of the five languages say the same things, so that the profiles differ by language and
/// not by topic.
/// </summary>
internal static class LanguageProfiles
{
    public sealed record Profile(string Language, string Text, string Words);

    /// <summary>
    /// Words that are no evidence for any language: names written the same in all of them (towns,
    /// offices, services) and "ok". A message of nothing else is unsure.
    /// </summary>
    public const string NeutralNames = """
        kotka hamina kouvola lappeenranta imatra lpr kymenlaakso karjala saimaa
        kela migri dvv te vero xamk lut lab loas moona waltti ekhva eksote yths hetu upm stora enso google vr
        ok okay okei
        """;

    public static IReadOnlyList<Profile> Latin { get; } =
    [
        new("en", """
            hi, how do i get a tax card? i just moved to finland and started a new job last week.
            where is the nearest employment office and what should i do first when i arrive?
            my employer asked for my personal identity code and my bank account number.
            how long does it take to get a residence permit, and can i work while i wait for the decision?
            can i apply online or do i have to book an appointment and go there in person?
            i need a doctor because my child is sick and has a high fever. which number should i call at night?
            is there a health centre near my home, and do i need to pay for the visit?
            thank you, that was really helpful. this is useless, it does not work and nobody answers the phone.
            where is the closest library and when is it open on the weekend?
            how much does a bus ticket cost for students, and can i pay with my bank card?
            i am looking for a cheap apartment or a student flat close to the campus.
            can i get housing allowance if i study full time and my rent is high?
            what documents do i need to register my address and get a municipality of residence?
            i want to learn finnish. are there free language courses for immigrants in the evening?
            how do i open a bank account without a finnish identity card or online banking codes?
            who can help me write my job application and my cv in english?
            the winter is dark and i feel lonely, is there a place where i can meet other people?
            please tell me the opening hours and the address of the office.
            my first salary was too small because they took too much tax from it.
            what happens if my permit expires while the application is still being processed?
            do students have to pay for the dentist, and how do i book a time?
            where should i go in an emergency, and what is the emergency number?
            my kids need a daycare place and later a school that teaches in english.
            are there jobs for foreigners who do not speak finnish yet?
            i would like to start my own company, who gives advice to new entrepreneurs?
            the train and the bus are late again, is there a better way to get to work?
            can you show me the way to the hospital, and should i go there or call first?
            thanks for the answer, have a nice day.
            """,
            """
            the a an and or but if of to in on at for from with without by about as into than then
            is are was were be been being am do does did done doing have has had having
            i you he she it we they me him her us them my your his its our their mine yours
            this that these those there here what which who whom whose when where why how
            can could should would will shall may might must not no yes dont doesnt isnt cant im ive
            please plz pls thanks thank thx hi hello hey get got getting need needs want wants find know tell help
            any some all just only also very much many more most so too again still yet now first next last
            tax card work job jobs working apartment flat housing student students doctor emergency office
            address appointment permit residence bank account course courses bus ticket price open opening
            school daycare library hospital night weekend phone number call register apply application
            salary employer health centre center moving moved arrived guide company meaning hours cheap free
            english finnish child children kid kids pay money allowance fee deadline visa citizen
            unemployed vacancy hiring factory plant mill port nurse researcher degree uni university
            apprenticeship industry timetable evening morning weekend membership card near far city
            sick fever pain tooth toothache dentist blood test
            """),
        new("fi", """
            hei, miten saan verokortin? muutin juuri suomeen ja aloitin uudessa työpaikassa viime viikolla.
            missä on lähin työllisyyspalvelujen toimisto ja mitä minun pitää tehdä ensimmäiseksi, kun tulen?
            työnantaja kysyi henkilötunnustani ja pankkitilini numeroa.
            kuinka kauan oleskeluluvan käsittely kestää, ja saanko tehdä töitä sillä aikaa, kun odotan päätöstä?
            voinko hakea verkossa vai pitääkö minun varata aika ja mennä paikan päälle?
            tarvitsen lääkärin, koska lapseni on sairas ja hänellä on korkea kuume. mihin numeroon soitan yöllä?
            onko kotini lähellä terveysasemaa, ja pitääkö käynnistä maksaa?
            kiitos, tästä oli tosi paljon apua. tämä on ihan hyödytön, se ei toimi eikä kukaan vastaa puhelimeen.
            missä on lähin kirjasto ja milloin se on auki viikonloppuna?
            paljonko bussilippu maksaa opiskelijalle, ja voinko maksaa pankkikortilla?
            etsin halpaa vuokra-asuntoa tai opiskelija-asuntoa läheltä kampusta.
            saanko asumistukea, jos opiskelen päätoimisesti ja vuokrani on korkea?
            mitä asiakirjoja tarvitsen, kun rekisteröin osoitteeni ja haen kotikuntaa?
            haluan oppia suomea. onko maahanmuuttajille ilmaisia kielikursseja iltaisin?
            miten avaan pankkitilin ilman suomalaista henkilökorttia tai pankkitunnuksia?
            kuka voi auttaa minua kirjoittamaan työhakemuksen ja ansioluettelon?
            talvi on pimeä ja tunnen itseni yksinäiseksi, missä voisin tavata muita ihmisiä?
            kerro minulle toimiston aukioloajat ja osoite.
            ensimmäinen palkkani oli liian pieni, koska siitä otettiin liikaa veroa.
            mitä tapahtuu, jos lupani vanhenee, kun hakemus on vielä käsittelyssä?
            pitääkö opiskelijoiden maksaa hammaslääkäristä, ja miten varaan ajan?
            minne menen hätätilanteessa, ja mikä on hätänumero?
            lapset tarvitsevat päiväkotipaikan ja myöhemmin koulun, jossa opetetaan englanniksi.
            onko ulkomaalaisille töitä, jos en vielä puhu suomea?
            haluaisin perustaa oman yrityksen, kuka neuvoo uusia yrittäjiä?
            juna ja bussi ovat taas myöhässä, pääseekö töihin jotenkin paremmin?
            voitko näyttää tien sairaalaan, ja pitäisikö minun mennä sinne vai soittaa ensin?
            kiitos vastauksesta, hyvää päivänjatkoa.
            """,
            """
            ja tai mutta sekä eli kun jos että koska vaikka jotta kuin niin myös vain jo vielä nyt
            on ei en et emme ette eivät eikä oli olen olet olemme olette ovat ole olla ollut
            se ne hän minä sinä me he mä sä mun sun mulla sulla minun sinun hänen meidän teidän heidän minulle
            mitä mikä missä mistä mihin minne miten miksi milloin kuinka kuka ketä kenelle paljonko montako
            voi voin voiko voinko saa saan saako saanko pitää pitääkö täytyy tarvitsen tarvitseeko haluan
            onko oletko olenko kuuluu kuulunko tämä tuo nämä tässä siellä täällä ilman kanssa jälkeen ennen
            yli alle asti lähellä auki kiinni kiitos kiitti moi hei terve kyllä joo paljon vähän hyvä uusi
            verokort* työ työt töitä töihin työpaik* työttö* työllisyy* työnhak* työnanta* asun* asumi*
            lääkär* hammaslääk* päivystys* sairaal* sairas* terveys* kirjasto* bussi* lippu* hinta hinnat
            aukiolo* kurssi* opiskeli* koulu* päiväkoti* lapsi lapsen lapset pankkitil* oleskelu* henkilötun*
            hakemu* haku haki hakea hakeminen ajanvar* puhelin* numero soitan soittaa toimisto* palvelu*
            maahanmuut* kotikun* yhteystie* ilmoittau* sosiaaliturv* kaupungin kaupunki suomi suomea suomen
            suomeksi englanniksi yritys* vuokra* avaaminen avoimet kesätyö tehdas* satama* kortti kortin
            """),
        new("sv", """
            hej, hur får jag ett skattekort? jag flyttade nyss till finland och började på ett nytt jobb förra veckan.
            var ligger närmaste arbetskraftsbyrå och vad ska jag göra först när jag kommer hit?
            min arbetsgivare frågade efter min personbeteckning och mitt kontonummer.
            hur länge tar det att få uppehållstillstånd, och får jag arbeta medan jag väntar på beslutet?
            kan jag ansöka på nätet eller måste jag boka en tid och gå dit själv?
            jag behöver en läkare eftersom mitt barn är sjukt och har hög feber. vilket nummer ska jag ringa på natten?
            finns det en hälsostation nära mitt hem, och måste jag betala för besöket?
            tack, det var verkligen till stor hjälp. det här är helt värdelöst, det fungerar inte och ingen svarar i telefon.
            var finns närmaste bibliotek och när är det öppet på helgen?
            vad kostar en bussbiljett för studerande, och kan jag betala med bankkort?
            jag söker en billig hyresbostad eller en studentbostad nära campus.
            kan jag få bostadsbidrag om jag studerar på heltid och hyran är hög?
            vilka dokument behöver jag för att registrera min adress och få en hemkommun?
            jag vill lära mig finska. finns det gratis språkkurser för invandrare på kvällarna?
            hur öppnar jag ett bankkonto utan finskt id-kort eller bankkoder?
            vem kan hjälpa mig att skriva min jobbansökan och mitt cv?
            vintern är mörk och jag känner mig ensam, var kan jag träffa andra människor?
            berätta för mig kontorets öppettider och adressen.
            min första lön var för liten eftersom de drog för mycket skatt.
            vad händer om mitt tillstånd går ut medan ansökan fortfarande behandlas?
            måste studerande betala för tandläkaren, och hur bokar jag en tid?
            vart ska jag vända mig i en nödsituation, och vilket är nödnumret?
            barnen behöver en plats på daghem och senare en skola som undervisar på engelska.
            finns det jobb för utlänningar som inte talar finska ännu?
            jag skulle vilja starta ett eget företag, vem ger råd till nya företagare?
            tåget och bussen är försenade igen, finns det ett bättre sätt att ta sig till jobbet?
            kan du visa vägen till sjukhuset, och ska jag åka dit eller ringa först?
            tack för svaret, ha en trevlig dag.
            """,
            """
            i och att det som en ett är var vad hur när vem vilken vilket vilka varför vart
            jag du han hon vi ni de dem mig dig sig min mitt mina din ditt dina vår vårt er
            på för med till från av om inte kan kunna ska skall måste vill får fick har hade behöver finns
            här där också bara nu hej tack ja nej eller men så efter innan utan under över vid hos
            den man mycket lite någon något några ingen inget alla
            jobb jobba jobbet lediga skatt* bostad* bostäd* studentbostad* läkare sjukhus* hälso* hälsostation*
            tandläkar* buss* bibliotek* öppet öppettider ansök* boka tid kurs kurser finska svenska engelska
            invandrar* arbets* uppehålls* tillstånd* personbeteckning hemkommun* bidrag dagis daghem barn
            nödnummer* jour* jourhjälp* hjälp rådgivning* välfärds* hamn* hamnen pappersbruk* studentliv
            villmanstrand fredrikshamn kymmenedalen* kymmenedalens karelen fpa-kort lära sig söka hitta
            """),
    ];

    public static IReadOnlyList<Profile> Cyrillic { get; } =
    [
        new("ru", """
            здравствуйте, как получить налоговую карточку? я недавно переехал в финляндию и на прошлой неделе начал работать на новой работе.
            где находится ближайшее бюро по трудоустройству и что мне нужно сделать в первую очередь, когда я приеду?
            работодатель спросил мой личный идентификационный код и номер банковского счёта.
            сколько времени занимает получение вида на жительство, и можно ли работать, пока я жду решения?
            можно подать заявление через интернет или нужно записаться на приём и прийти лично?
            мне нужен врач, потому что мой ребёнок болеет и у него высокая температура. по какому номеру звонить ночью?
            есть ли поликлиника рядом с моим домом, и нужно ли платить за приём?
            спасибо, это очень помогло. это совершенно бесполезно, ничего не работает и никто не отвечает на звонки.
            где ближайшая библиотека и когда она открыта в выходные?
            сколько стоит билет на автобус для студентов, и можно ли платить банковской картой?
            я ищу недорогую квартиру или комнату в общежитии рядом с университетом.
            могу ли я получить пособие на жильё, если учусь на дневном отделении и аренда высокая?
            какие документы нужны, чтобы зарегистрировать адрес и получить муниципалитет проживания?
            я хочу выучить финский язык. есть ли бесплатные языковые курсы для иммигрантов по вечерам?
            как открыть счёт в банке без финского удостоверения личности?
            кто может помочь мне написать заявление на работу и резюме?
            зимой темно и мне одиноко, где можно познакомиться с другими людьми?
            скажите, пожалуйста, часы работы и адрес офиса.
            моя первая зарплата была слишком маленькой, потому что с неё взяли слишком большой налог.
            что будет, если срок моего разрешения закончится, пока заявление ещё рассматривается?
            должны ли студенты платить за стоматолога, и как записаться на приём?
            куда обращаться в экстренной ситуации, и какой номер скорой помощи?
            детям нужно место в детском саду, а потом школа с обучением на английском языке.
            есть ли работа для иностранцев, которые ещё не говорят по-фински?
            я хотел бы открыть свою фирму, кто консультирует начинающих предпринимателей?
            поезд и автобус опять опаздывают, как лучше добраться до работы?
            покажите дорогу в больницу, мне ехать туда или сначала позвонить?
            спасибо за ответ, хорошего дня.
            """,
            """
            и в во не на я что как где когда почему куда откуда кто какой какая какие какую каком это мне меня
            мой моя мои моё у с со по за для из от до о об же ли бы есть нет да можно нужно надо нужен нужна
            если или но а так уже ещё очень все всё он она они мы вы его её их сколько спасибо здравствуйте
            привет пожалуйста помогите ничего никто тоже только чтобы чем там тут здесь
            работ* налог* карточк* получ* жиль* жильё жилье врач* больниц* помощ* курсы финск* язык* звонить
            ночью общежити* расписани* заявк* найти вакансии ребёнок ребенок ребёнка детск* поликлиник*
            скорая скорой зуб болит выходные продлени* вид пособи* открыть счет счёт банке регистрац* решени*
            консультац* занятост* иммигрант* проездн* приемн* приёмн* медсестр* университет* завод* порт* оплат*
            """),
        new("uk", """
            добрий день, як отримати податкову картку? я нещодавно переїхав до фінляндії і минулого тижня почав працювати на новій роботі.
            де знаходиться найближчий центр зайнятості і що мені потрібно зробити насамперед, коли я приїду?
            роботодавець запитав мій особистий ідентифікаційний код і номер банківського рахунку.
            скільки часу триває отримання посвідки на проживання, і чи можна працювати, поки я чекаю на рішення?
            чи можна подати заяву через інтернет, чи треба записатися на прийом і прийти особисто?
            мені потрібен лікар, бо моя дитина хворіє і має високу температуру. за яким номером дзвонити вночі?
            чи є поліклініка біля мого дому, і чи треба платити за прийом?
            дякую, це дуже допомогло. це зовсім марно, нічого не працює і ніхто не відповідає на дзвінки.
            де найближча бібліотека і коли вона відчинена у вихідні?
            скільки коштує квиток на автобус для студентів, і чи можна платити банківською карткою?
            я шукаю недороге житло або кімнату в гуртожитку біля університету.
            чи можу я отримати житлову допомогу, якщо навчаюся на денній формі і оренда висока?
            які документи потрібні, щоб зареєструвати адресу і отримати муніципалітет проживання?
            я хочу вивчити фінську мову. чи є безкоштовні мовні курси для іммігрантів увечері?
            як відкрити рахунок у банку без фінського посвідчення особи?
            хто може допомогти мені написати заяву на роботу і резюме?
            взимку темно і мені самотньо, де можна познайомитися з іншими людьми?
            скажіть, будь ласка, години роботи і адресу офісу.
            моя перша зарплата була надто маленькою, бо з неї взяли забагато податку.
            що буде, якщо термін мого дозволу закінчиться, поки заява ще розглядається?
            чи повинні студенти платити за стоматолога, і як записатися на прийом?
            куди звертатися в екстреній ситуації, і який номер швидкої допомоги?
            дітям потрібне місце в дитячому садку, а потім школа з навчанням англійською мовою.
            чи є робота для іноземців, які ще не говорять фінською?
            я хотів би відкрити власну фірму, хто консультує початківців-підприємців?
            потяг і автобус знову запізнюються, як краще дістатися до роботи?
            покажіть дорогу до лікарні, мені їхати туди чи спочатку зателефонувати?
            дякую за відповідь, гарного дня.
            """,
            """
            і й та в у не на я що як де коли чому куди звідки хто який яка які яку це мені мене мій моя мої
            з із зі по за для від до про чи є немає нема так ні можна треба потрібно потрібен потрібна
            якщо або але а вже ще дуже все усе він вона вони ми ви його її їх скільки дякую привіт
            будь ласка допоможіть нічого ніхто теж тільки лише щоб там тут
            робот* працю* податк* картк* отрим* житл* лікар* лікарн* допомог* курси фінськ* мов* дзвонити
            вночі гуртожит* розклад* знайти вакансії дитин* швидк* зуб болить вихідні продовжен* посвідк*
            зайнятост* навчанн* проживанн* шукаю шукати вчити студентськ* біженец* біженц* інтеграц* тиждень
            приймальн* аналіз* здати муніципалітет* бюро оренд* міськ* квартир* годин* англійськ*
            """),
    ];
}
