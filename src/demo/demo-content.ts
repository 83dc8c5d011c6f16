/**
 * Demo content for "The Broadsheet Gazette", a fictional newspaper serving the
 * fictional city of Harbourton. Every person, organisation, quote and event in
 * this file is invented for demonstration purposes.
 */

export interface DemoAuthor {
  slug: string
  name: string
  email: string
  role: 'owner' | 'admin' | 'editor' | 'author' | 'contributor'
  bio: string
  social: { x?: string; facebook?: string; instagram?: string; linkedin?: string }
}

export interface DemoComment {
  author: string
  email: string
  body: string
  minutesAfter: number
  replies?: DemoComment[]
}

export interface DemoArticle {
  title: string
  section:
    'news' | 'world' | 'life-style' | 'sport' | 'entertainment' | 'health' | 'tech' | 'travel'
  subsection?: string
  standfirst: string
  body: string[]
  tags: string[]
  author: string
  coAuthor?: string
  hoursAgo: number
  editorsPick?: boolean
  featured?: boolean
  imageCaption: string
  imageAlt: string
  comments?: DemoComment[]
}

export const DEMO_SECTIONS: { slug: string; name: string; description: string }[] = [
  {
    slug: 'news',
    name: 'News',
    description:
      'Reporting from Harbourton’s streets, council chamber and courts, updated throughout the day.',
  },
  {
    slug: 'world',
    name: 'World',
    description: 'Stories from beyond the harbour wall, explained with care and without the noise.',
  },
  {
    slug: 'life-style',
    name: 'Life & Style',
    description: 'Food, homes, gardens and the small pleasures that make city life worth living.',
  },
  {
    slug: 'sport',
    name: 'Sport',
    description:
      'Match reports, interviews and results from Harbourton’s clubs, courts and rivers.',
  },
  {
    slug: 'entertainment',
    name: 'Entertainment',
    description:
      'Film, music, theatre and books, with reviews and news from the city’s cultural scene.',
  },
  {
    slug: 'health',
    name: 'Health',
    description:
      'Clear reporting on local health services, medical research and everyday wellbeing.',
  },
  {
    slug: 'tech',
    name: 'Tech',
    description:
      'The people, start-ups and ideas shaping how Harbourton works, travels and connects.',
  },
  {
    slug: 'travel',
    name: 'Travel',
    description: 'Trips near and far, slow routes and practical guides for curious travellers.',
  },
]

export const DEMO_SUBSECTIONS: {
  slug: string
  name: string
  parent: string
  description: string
}[] = [
  {
    slug: 'local',
    name: 'Local',
    parent: 'news',
    description:
      'Neighbourhood news from every corner of Harbourton, from the harbour front to the hills.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    parent: 'news',
    description: 'Council decisions, committee rooms and the people who run the city.',
  },
  {
    slug: 'europe',
    name: 'Europe',
    parent: 'world',
    description:
      'Regional stories from across the continent, from island ferries to mountain valleys.',
  },
  {
    slug: 'asia',
    name: 'Asia',
    parent: 'world',
    description: 'Reporting on farming, cities and coastlines across a vast and varied region.',
  },
  {
    slug: 'football',
    name: 'Football',
    parent: 'sport',
    description:
      'Every kick of Harbourton Athletic’s season, plus the grassroots game across the city.',
  },
  {
    slug: 'ai',
    name: 'AI',
    parent: 'tech',
    description:
      'How artificial intelligence is being built, tested and used, explained in plain language.',
  },
]

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    slug: 'helena-marchetti',
    name: 'Helena Marchetti',
    email: 'helena.marchetti@broadsheet.example',
    role: 'editor',
    bio: 'Helena Marchetti is editor of The Broadsheet Gazette. She spent nine years covering Harbourton City Council before taking the editor’s chair, and still writes about politics and the arts when the newsroom lets her.',
    social: {
      x: 'https://x.com/hmarchetti_gazette',
      linkedin: 'https://www.linkedin.com/in/helena-marchetti-gazette',
    },
  },
  {
    slug: 'idris-fenwick',
    name: 'Idris Fenwick',
    email: 'idris.fenwick@broadsheet.example',
    role: 'author',
    bio: 'Idris Fenwick is the Gazette’s city reporter, covering transport, housing and the harbour. On Saturdays he swaps the notebook for a stopwatch and reports on Harbourton Athletic and the city’s grassroots sport.',
    social: {
      x: 'https://x.com/idris_on_the_quay',
      instagram: 'https://www.instagram.com/idrisfenwick.reports',
    },
  },
  {
    slug: 'anjali-whitcombe',
    name: 'Anjali Whitcombe',
    email: 'anjali.whitcombe@broadsheet.example',
    role: 'author',
    bio: 'Anjali Whitcombe writes about technology, science and health. Before joining the Gazette she worked as a laboratory technician, which she says taught her to read the methods section first.',
    social: {
      x: 'https://x.com/anjaliw_science',
      linkedin: 'https://www.linkedin.com/in/anjali-whitcombe-writes',
      facebook: 'https://www.facebook.com/anjaliwhitcombe.gazette',
    },
  },
  {
    slug: 'noor-halloran',
    name: 'Noor Halloran',
    email: 'noor.halloran@broadsheet.example',
    role: 'contributor',
    bio: 'Noor Halloran is a freelance writer who contributes travel and food stories to the Gazette. She prefers trains to planes, markets to restaurants and will always take the longer route if it follows the coast.',
    social: {
      instagram: 'https://www.instagram.com/noor.slowroutes',
      x: 'https://x.com/noor_halloran',
    },
  },
]

export const DEMO_ARTICLES: DemoArticle[] = [
  // ---------------------------------------------------------------- News
  {
    title: 'Council approves £412m budget after late-night vote on library hours',
    section: 'news',
    subsection: 'politics',
    standfirst:
      'Harbourton’s councillors passed next year’s spending plan by a margin of three votes, after a last-minute deal kept branch libraries open on Saturdays.',
    body: [
      'Harbourton City Council approved a £412 million budget for the coming year shortly before midnight on Wednesday, ending a session that ran for more than six hours and was twice adjourned for private talks between party groups.',
      'The plan passed by 31 votes to 28, with two abstentions. It includes a 3.9 per cent rise in council tax, a £14 million programme of road and pavement repairs, and an extra £2.2 million for adult social care, which officers said was the fastest-growing pressure on the city’s finances.',
      '## A deal on libraries',
      'The most heated debate of the evening concerned the city’s eleven branch libraries. The original proposal would have closed seven of them on Saturdays to save £380,000 a year. After a petition signed by more than 9,000 residents, the council’s finance lead, Councillor Rashida Penhaligon, tabled an amendment funding weekend opening from a reserve set aside for building maintenance.',
      '“We heard people loud and clear,” Cllr Penhaligon told the chamber. “A library on a Saturday is where a child does homework, where someone without a laptop applies for a job, where a pensioner finds a bit of company. That is not a luxury.”',
      '" A library on a Saturday is where a child does homework, where someone without a laptop applies for a job.',
      'Opposition members said the amendment only postponed a difficult choice. Councillor Gareth Vossberg, who leads the largest opposition group, argued that raiding the maintenance reserve would leave the council exposed if a major building failed. “We have patched one hole by digging another,” he said. “Next year the same question will be back on the table, and the reserve will be smaller.”',
      '!figure City library trials an AI assistant to help readers explore local archives | Saturday opening at the branch libraries is funded from the building maintenance reserve.',
      '## What it means for households',
      'For a typical band C home, the council’s share of the annual bill will rise by £61, or a little over £1 a week. Residents receiving the council tax support scheme will see no increase, after members voted to protect the scheme at its current level.',
      'The budget also confirms funding for the first phase of the harbour bridge cable repairs, a new youth centre in Eastgate and an expansion of the city’s free weekend bus trial. Council officers will publish a line-by-line breakdown on the city’s open data portal later this month.',
    ],
    tags: ['Harbourton Council', 'Libraries', 'Budget'],
    author: 'helena-marchetti',
    coAuthor: 'idris-fenwick',
    hoursAgo: 5,
    featured: true,
    imageCaption:
      'The council chamber during Wednesday’s budget debate, which ran until shortly before midnight.',
    imageAlt:
      'Abstract illustration of stacked coins forming the silhouette of a civic building, in muted navy and gold.',
    comments: [
      {
        author: 'Margaret Tull',
        email: 'margaret.tull@example.com',
        body: 'Relieved about the Saturday libraries. My grandson does his reading club at the Northfield branch and it would have broken his heart.',
        minutesAfter: 34,
        replies: [
          {
            author: 'Owen Palmer',
            email: 'owen.palmer@example.com',
            body: 'Same here in Eastgate. Although I take the point about the maintenance reserve — I’d like to know what happens if the leisure centre roof goes again.',
            minutesAfter: 51,
            replies: [
              {
                author: 'Margaret Tull',
                email: 'margaret.tull@example.com',
                body: 'Fair question. Perhaps the Gazette could follow up on what state the council buildings are actually in?',
                minutesAfter: 77,
              },
            ],
          },
        ],
      },
      {
        author: 'Dev Sandhu',
        email: 'dev.sandhu@example.com',
        body: 'An extra pound a week is manageable for us, but it all adds up with everything else going up too.\n\nGood to see the support scheme protected, at least.',
        minutesAfter: 95,
      },
      {
        author: 'Lucy Abernethy',
        email: 'l.abernethy@example.com',
        body: 'Thanks for staying up to cover this. Would be great to see the line-by-line breakdown when it’s published.',
        minutesAfter: 142,
      },
    ],
  },
  {
    title: 'Harbour bridge to close at night for six weeks of cable repairs',
    section: 'news',
    subsection: 'local',
    standfirst:
      'Engineers will replace corroded anchor cables on the 1930s Harbour Bridge, with overnight closures and a replacement shuttle bus from next month.',
    body: [
      'The Harbour Bridge, which carries around 28,000 vehicles a day between the old town and the northern districts, will close to traffic every night for six weeks from the start of next month while engineers replace corroded anchor cables.',
      'The closures will run from 10pm to 5.30am, Sunday to Thursday nights. The bridge will remain open on Friday and Saturday nights to avoid disrupting the city’s evening economy, the council said.',
      'Inspections last spring found that four of the bridge’s sixteen main anchor cables had lost more than a fifth of their original strength, largely because of salt water seeping into the housings where they meet the stone abutments. Engineers stressed that the bridge is safe to use, but said the work could not be delayed much longer.',
      '> “The bridge has done an extraordinary job for ninety years. What we are doing now is giving it the care it needs to manage another ninety.” — Priya Caldicott, lead structural engineer',
      '## Getting across at night',
      'A free shuttle bus will run every 15 minutes during closures, using the Ferrymans Way crossing further upstream. Pedestrians and cyclists will be able to use a protected walkway on the eastern side of the bridge at all times, except for two nights when the walkway itself is being resurfaced.',
      'Emergency services have been consulted, and an ambulance will be stationed on the northern side of the river during closure hours. The fire service said its response times would not be affected.',
      'Shop owners on Quayside Street gave the plans a cautious welcome. “Nights are quiet for us anyway, so it’s better than losing a whole weekend,” said Tomasz Berrington, who runs a bakery at the foot of the bridge. “As long as they finish when they say they will.”',
      'The £4.7 million project is funded from the council’s capital budget and a regional infrastructure grant. A public drop-in session will be held at the Maritime Library next Tuesday afternoon.',
    ],
    tags: ['Transport', 'Harbourton Council', 'Harbour Front'],
    author: 'idris-fenwick',
    hoursAgo: 20,
    editorsPick: true,
    imageCaption: 'The Harbour Bridge at dusk. Overnight closures begin next month.',
    imageAlt:
      'Abstract illustration of a suspension bridge drawn in thin steel-blue lines over a deep teal river.',
    comments: [
      {
        author: 'Kenji Morrow',
        email: 'kenji.morrow@example.com',
        body: 'I work night shifts at the hospital and cross that bridge at 4am. A shuttle every 15 minutes is fine, as long as it actually turns up.',
        minutesAfter: 22,
        replies: [
          {
            author: 'Beth Orchard',
            email: 'beth.orchard@example.com',
            body: 'Could be worth asking if hospital staff can get a pass to drive over. They did something similar during the tunnel works a few years ago.',
            minutesAfter: 48,
          },
        ],
      },
      {
        author: 'Alan Greaves',
        email: 'alan.greaves@example.com',
        body: 'Good to see them fixing it before something goes wrong rather than after. That bridge is the symbol of the city.',
        minutesAfter: 130,
      },
    ],
  },
  {
    title: 'Storm ‘Ingrid’ floods the lower town as river breaches old flood wall',
    section: 'news',
    subsection: 'local',
    standfirst:
      'Dozens of homes and shops in the lower town were flooded overnight after heavy rain and a high tide pushed the river over a section of the Victorian wall.',
    body: [
      'Residents of Harbourton’s lower town spent Sunday clearing mud and sodden furniture from their homes after Storm Ingrid brought more than a month’s rainfall in 36 hours, sending the River Colne over a section of its nineteenth-century flood wall.',
      'The city’s emergency team said 43 homes and 17 businesses had been affected, mostly along Tanners Row, Mill Lane and the lower end of Chapel Street. No one was seriously injured, although two people were treated for minor injuries after slipping in floodwater.',
      'The breach happened at around 2am, when a high spring tide coincided with peak river flow. Water poured through a 12-metre gap where part of the wall had collapsed, reaching knee height in some streets within half an hour.',
      'St Aldhelm’s church hall opened as a rest centre overnight and was joined by the Tanners Row mosque on Sunday morning. Volunteers served hot drinks and breakfasts to more than 120 people.',
      '“I woke up to the sound of water in the kitchen,” said Carys Oduya, 67, who has lived on Mill Lane for four decades. “My neighbour’s son carried my cat out in a laundry basket. You don’t forget kindness like that.”',
      'The council said temporary barriers would be installed at the breach by Tuesday, and a full survey of the wall would follow. A hardship fund offering £500 grants to affected households is now open, and the waste team will collect damaged items free of charge for the next fortnight.',
      'Forecasters said further showers were likely during the week but that the risk of another tidal surge had passed. Residents can check flood warnings on the council’s website or by phoning the emergency line.',
    ],
    tags: ['Weather', 'River Colne', 'Community'],
    author: 'idris-fenwick',
    hoursAgo: 30,
    imageCaption: 'Floodwater on Tanners Row early on Sunday morning.',
    imageAlt:
      'Abstract illustration of swirling rain clouds above rippling blue water and rooftops in grey and indigo.',
    comments: [
      {
        author: 'Sana Qureshi',
        email: 'sana.qureshi@example.com',
        body: 'The volunteers at St Aldhelm’s were incredible. Thank you to everyone who came out in the middle of the night.',
        minutesAfter: 60,
      },
      {
        author: 'Robert Finch',
        email: 'robert.finch@example.com',
        body: 'That stretch of wall has been flagged for years. I hope the survey leads to proper repairs rather than more sandbags.',
        minutesAfter: 185,
        replies: [
          {
            author: 'Idris Fenwick',
            email: 'idris.fenwick@broadsheet.example',
            body: 'Thanks Robert — we’ve asked the council for past inspection reports on that section and will report back.',
            minutesAfter: 240,
          },
        ],
      },
    ],
  },
  {
    title: 'Residents’ group wins fight to keep Millbrook allotments',
    section: 'news',
    subsection: 'local',
    standfirst:
      'Plans to build on part of the Millbrook allotments have been withdrawn after a two-year campaign by plot holders and neighbours.',
    body: [
      'A two-year campaign to save the Millbrook allotments ended in success this week when the landowner withdrew its application to build 24 homes on the eastern half of the site.',
      'The Friends of Millbrook Allotments, which has around 200 members, had argued that the plots were among the last open green spaces in the densely built Westfield district. The group collected more than 3,000 letters of objection and commissioned its own survey of wildlife on the site, which recorded slow-worms, hedgehogs and eleven species of bee.',
      '“We’re not against new homes. Harbourton needs them,” said Ifeoma Carraway, the group’s chair, who has tended the same plot for sixteen years. “We just didn’t think the answer was to build on the one place where people in Westfield can grow their own food and breathe a bit.”',
      'In a short statement, the landowner, Westbridge Estates, said it had withdrawn the application “to allow further discussion with the local community” and would not rule out a revised proposal in future.',
      'Demand for allotments in the city has grown steadily. The council’s waiting list now stands at more than 1,400 names, with an average wait of just over four years. Millbrook alone has 130 people waiting for a plot.',
      'Councillor Yusuf Brannigan, who represents Westfield, said the council would explore whether the site could be given additional protection in the next version of the local plan. “The strength of feeling here has been remarkable,” he said.',
      'The Friends group is holding a celebration open day on the site next Saturday, with seedling swaps, a cake stall and guided walks for anyone curious about what grows behind the hedges.',
    ],
    tags: ['Planning', 'Gardening', 'Wildlife', 'Community'],
    author: 'idris-fenwick',
    hoursAgo: 110,
    imageCaption: 'Plot holders at Millbrook have campaigned for two years to protect the site.',
    imageAlt:
      'Abstract illustration of neat green rectangles of garden plots with a small shed and a watering can.',
  },
  {
    title: 'Mayor’s plan for free weekend buses faces its first test at committee',
    section: 'news',
    subsection: 'politics',
    standfirst:
      'A six-month trial of free weekend bus travel has boosted passenger numbers, but councillors are divided over whether the city can afford to keep it.',
    body: [
      'A flagship scheme offering free bus travel across Harbourton at weekends will face its first formal review next week, when the council’s transport committee considers whether to extend the trial beyond the summer.',
      'Figures published ahead of the meeting show weekend bus journeys rose by 38 per cent during the first six months of the trial, compared with the same period the previous year. The biggest increases were on routes serving the seafront, the city centre and the Eastgate estates.',
      'The scheme was the central promise of Mayor Lorna Achterberg’s election campaign. Speaking on Friday, she said the numbers showed that “people will leave the car at home when the bus is easy and affordable.”',
      '“This has been about families who couldn’t afford a day out, teenagers getting to weekend jobs, and older people getting to the shops without worrying about the fare,” the mayor said.',
      '## The cost question',
      'The trial costs the council around £95,000 a month in lost fares, which it reimburses to the city’s two bus operators. A report by council officers warns that extending it for a full year would require either new savings elsewhere or a successful bid for regional transport funding, which will not be decided until the autumn.',
      'Councillor Fiona Drummond-Lake, who sits on the transport committee, said she supported the aims of the scheme but wanted firmer evidence. “We need to know how many of these journeys are new ones, and how many are simply people who would have paid before,” she said.',
      'A survey of 2,000 passengers, commissioned by the council, found that about a third said they would not have made their journey at all without the free fares. Campaigners for better public transport say that is proof of the scheme’s value; sceptics argue the rest represents lost income.',
      'The committee will meet on Thursday evening. The meeting is open to the public and will be streamed on the council’s website.',
    ],
    tags: ['Harbourton Council', 'Buses', 'Budget'],
    author: 'helena-marchetti',
    hoursAgo: 200,
    imageCaption: 'Weekend passenger numbers on the city’s buses have risen by more than a third.',
    imageAlt:
      'Abstract illustration of a bright red bus rendered in simple geometric shapes against a pale sky.',
  },
  {
    title: 'School meals contract goes to a local co-operative',
    section: 'news',
    standfirst:
      'A Harbourton food co-operative will cook lunches for 34 primary schools from September, promising more fresh vegetables and fewer miles on the road.',
    body: [
      'More than 9,000 primary school children in Harbourton will eat lunches cooked by a local food co-operative from September, after the council awarded it a five-year contract worth £21 million.',
      'Harbour Kitchen Co-operative, which employs 140 people and is owned by its workers, beat two national catering companies to win the contract. It will run kitchens in 34 schools and supply a further six from a central kitchen in the Dockside industrial estate.',
      'The co-operative has pledged to source at least 40 per cent of its ingredients from farms and producers within 50 miles of the city, and to cook every main meal from scratch on the day. Menus will be drawn up with a nutritionist and tested by a panel of pupils each term.',
      '“Children are very honest critics,” said Mariam Oyelaran-Fitch, the co-operative’s head of food. “If they don’t like something, it comes back on the plate. We’d rather find that out in a tasting session than in the bins.”',
      'Parents’ groups had lobbied for changes after a survey last year found that many children were skipping school lunch because they did not like the food. Adele Rushworth, who chairs the parents’ forum at Northfield Primary, said she hoped the new contract would “turn lunchtime into something children look forward to.”',
      'The council said the price of a school meal would remain unchanged for families who pay, and that every child eligible for free school meals would continue to receive them automatically.',
      'The co-operative expects to create around 35 new jobs, mostly part-time roles suited to parents who want to work during school hours.',
    ],
    tags: ['Food', 'Young People', 'Harbourton Council'],
    author: 'idris-fenwick',
    hoursAgo: 350,
    imageCaption: 'Harbour Kitchen will cook fresh lunches in 34 primary school kitchens.',
    imageAlt:
      'Abstract illustration of a lunch tray with colourful circles and squares representing vegetables and fruit.',
  },
  {
    title: 'What the new parking zones mean for your street',
    section: 'news',
    standfirst:
      'Eight new residents’ parking zones come into force across Harbourton next month. Here is how they work, what permits cost and who is exempt.',
    body: [
      'Eight new residents’ parking zones will come into force across Harbourton on the first of next month, covering around 6,500 households in the city centre fringe, the university quarter and the streets around the football ground.',
      'The zones are intended to reduce commuter parking on residential streets, which residents in several areas say has made it almost impossible to park near their own homes during the working day.',
      '## How the zones work',
      'In most zones, parking will be restricted to permit holders between 8am and 6pm, Monday to Saturday. Outside those hours, anyone can park. Around the Athletic ground, restrictions will also apply for four hours before and two hours after every home match.',
      'Each household can apply for up to two resident permits. The first permit will cost £45 a year and the second £90, with a discount of 50 per cent for electric vehicles. Visitor permits can be bought in books of ten half-day passes for £8.',
      '## Who is exempt',
      'Blue badge holders can park in any zone without a permit. Carers visiting residents at home can apply for a free carer’s permit, and tradespeople working at a property can buy a daily pass online for £4.',
      'Applications opened this week on the council’s website. Residents who do not have internet access can apply in person at any branch library or by phoning the council’s parking team.',
      'Councillor Meera Lindgren, who is responsible for transport, said the council would review the zones after six months. “We have listened to a lot of residents who were fed up with commuters filling their streets,” she said. “If the zones create new problems, we will look at them again.”',
    ],
    tags: ['Transport', 'Harbourton Council', 'Explainer'],
    author: 'idris-fenwick',
    hoursAgo: 500,
    imageCaption: 'Around 6,500 households fall within the new zones.',
    imageAlt:
      'Abstract illustration of a street map grid with coloured blocks marking different parking zones.',
  },
  // ---------------------------------------------------------------- World
  {
    title: 'Coalition of coastal nations agrees a shared plan for rising seas',
    section: 'world',
    standfirst:
      'Twenty-two coastal and island states have signed a joint framework to pool data, share engineering expertise and fund sea defences for their most exposed communities.',
    body: [
      'A coalition of 22 coastal and island nations has agreed a shared plan to prepare for rising sea levels, including a joint fund for sea defences and a common system for measuring how quickly their shorelines are changing.',
      'The framework was signed at the end of a four-day meeting hosted by one of the smaller island members. Delegates described it as the first time such a varied group of countries had agreed to share both money and technical knowledge on the issue.',
      'Under the agreement, each member will contribute to a fund according to the size of its economy. The fund will pay for projects such as mangrove and salt marsh restoration, raised roads, and the relocation of essential services like clinics and schools away from the most exposed shorelines.',
      '## Sharing what works',
      'A large part of the plan focuses on sharing expertise rather than money. Engineers from members with long experience of managing low-lying land will work alongside teams in countries that are facing the problem for the first time.',
      '“A sea wall that works on one coast can fail on another,” said Dr Amara Solberg-Tane, a coastal engineer who advised the negotiators. “What we have learned over decades is that you need to understand the local sediment, the local storms and the local people before you pour any concrete.”',
      'The coalition will also set up a shared network of tide gauges and satellite monitoring, so that every member can see how its coastline compares with others and plan accordingly.',
      'Environmental groups welcomed the agreement but said the fund, which is expected to start with around $1.8 billion, was small compared with the scale of the challenge. The coalition’s members said they hoped other countries would join or contribute over the coming years.',
      'The first projects are expected to be announced within twelve months.',
    ],
    tags: ['Climate', 'Coast'],
    author: 'anjali-whitcombe',
    hoursAgo: 14,
    editorsPick: true,
    imageCaption: 'Coastal communities in many member states are already adapting to higher tides.',
    imageAlt:
      'Abstract illustration of layered wave lines rising against a row of simplified coastal houses, in blues and sand tones.',
  },
  {
    title: 'Two alpine valley towns vote to merge after a century as neighbours',
    section: 'world',
    subsection: 'europe',
    standfirst:
      'Residents of two small mountain towns have voted to combine their councils, schools and fire brigades, citing shrinking populations and rising costs.',
    body: [
      'Voters in two neighbouring towns in a high alpine valley have approved a merger of their local councils, ending more than a century of separate administration and a good-natured rivalry that once extended to rival brass bands.',
      'In a referendum held on Sunday, 71 per cent of voters in the larger town and 64 per cent in its smaller neighbour backed the merger. Turnout was high, at around 78 per cent in both communities.',
      'The two towns, which together have just under 4,000 residents, already share a secondary school and a ski lift. Under the merger, they will also combine their volunteer fire brigades, waste services and planning offices.',
      'Supporters argued that both communities had been losing young people for decades and could no longer afford to duplicate services. The valley’s population has fallen by around a fifth since the 1980s, as younger residents have moved to cities in search of work.',
      '“We have been one community in everything but name for a long time,” said Katharina Oberwald, the mayor of the larger town, who will lead the combined council for a transitional period. “Now we can put our energy into keeping families here instead of arguing about whose snowplough clears which road.”',
      'Opponents had worried that the smaller town would lose its identity. The merger agreement guarantees that both town names will remain on road signs and that each will keep its own church festival and marching band.',
      'The combined municipality will formally come into being at the start of next year.',
    ],
    tags: ['Europe', 'Community'],
    author: 'anjali-whitcombe',
    hoursAgo: 60,
    imageCaption: 'The two towns already share a secondary school and a ski lift.',
    imageAlt:
      'Abstract illustration of two clusters of small houses on either side of a snowy valley joined by a single line.',
  },
  {
    title: 'Rice growers in a river delta trial salt-tolerant seed as tides creep inland',
    section: 'world',
    subsection: 'asia',
    standfirst:
      'Farmers in a low-lying delta are testing new rice varieties that can survive brackish water, as salt pushes further up the rivers each dry season.',
    body: [
      'In a patchwork of paddy fields close to the sea, several hundred farmers are taking part in a three-year trial of rice varieties bred to tolerate salty water, in an effort to protect harvests as sea water pushes further inland.',
      'During the dry season, when river levels fall, salt water from the sea can travel tens of kilometres up the delta’s channels. In bad years, farmers say, whole crops have withered in the weeks before harvest.',
      '“My father never worried about salt,” said Nguyen Van Loc, a farmer who has planted a quarter of his land with one of the new varieties. “Now I test the water in the canal every morning with a little meter, like checking the weather.”',
      'The trial is being run by a regional agricultural research institute with support from farmer co-operatives. In the first season, the salt-tolerant varieties produced yields around 15 per cent lower than traditional rice in normal conditions, but far outperformed them in fields that were hit by salt.',
      'Researchers say the lower yield in good years is the main obstacle to wider adoption. “Farmers are managing risk,” said Dr Thuy Ha-Lindqvist, who leads the project. “A variety that does slightly less well every year, but never fails completely, can be a very good bet. But it is the farmer’s bet to make, not ours.”',
      'Some farmers in the trial are combining rice with shrimp farming, switching to shrimp in the saltier months and rice in the wetter season, a practice that has spread across parts of the delta in recent years.',
      'The institute plans to publish full results after the third harvest and to make the most successful seed available through co-operatives at subsidised prices.',
    ],
    tags: ['Asia', 'Climate', 'Science', 'Rural Life'],
    author: 'anjali-whitcombe',
    hoursAgo: 90,
    imageCaption:
      'Farmers are testing the salt content of canal water daily during the dry season.',
    imageAlt:
      'Abstract illustration of green rice paddies in stepped rows meeting a band of blue-grey sea water.',
  },
  {
    title: 'Ferry strike across a northern archipelago enters its second week',
    section: 'world',
    subsection: 'europe',
    standfirst:
      'Island communities are relying on fishing boats and a single emergency service for supplies as a dispute over crew rotas and pay continues.',
    body: [
      'A strike by ferry crews serving a chain of northern islands has entered its second week, leaving about 18,000 islanders dependent on an emergency supply boat and the goodwill of local fishing crews.',
      'The dispute centres on new crew rotas introduced by the publicly owned ferry operator, which unions say would increase the length of shifts and reduce rest time between sailings. The union representing deck and engine crews is also seeking a pay rise in line with inflation.',
      'The operator says the new rotas are needed to cover a shortage of qualified crew and to keep the timetable running through the winter. It has offered a pay rise of 4 per cent and a review of the rotas after six months.',
      'On the larger islands, supermarkets have begun rationing fresh milk and bread. On the smallest, where a single shop serves a few dozen households, residents say they have been sharing what they have.',
      '“We are used to storms cutting us off for a day or two,” said Signe Halvorsen-Reid, who runs a guest house and a small shop on one of the outer islands. “A week is different. People are worried about medicines, about getting to hospital appointments on the mainland.”',
      'A single emergency vessel is making a daily round trip to carry medical supplies, patients with urgent appointments and essential goods. Fishing crews have been carrying post and some groceries on an informal basis.',
      'Talks between the union and the operator resumed on Monday under an independent mediator. Both sides said they were hopeful of a resolution, but neither would give a timescale.',
    ],
    tags: ['Europe', 'Ferries'],
    author: 'helena-marchetti',
    hoursAgo: 150,
    imageCaption: 'An emergency vessel is making a daily round trip to the islands.',
    imageAlt:
      'Abstract illustration of a small ferry at rest beside a jetty with a scattering of grey islands behind.',
    comments: [
      {
        author: 'Fraser Lomond',
        email: 'fraser.lomond@example.com',
        body: 'My sister lives on one of the outer islands. She says the fishing crews have been brilliant, but nobody can keep this up for long.',
        minutesAfter: 75,
      },
      {
        author: 'Ingrid Sollis',
        email: 'ingrid.sollis@example.com',
        body: 'Both sides have a point. Crews can’t work endless shifts safely, but islanders can’t go weeks without a service either. Hope the mediator gets them there.',
        minutesAfter: 210,
        replies: [
          {
            author: 'Fraser Lomond',
            email: 'fraser.lomond@example.com',
            body: 'Agreed. Tired crews on rough water is the last thing anyone wants.',
            minutesAfter: 260,
          },
        ],
      },
    ],
  },
  {
    title: 'How a desert city learned to cool its streets',
    section: 'world',
    standfirst:
      'Shade sails, pale pavements and thousands of trees have lowered summer street temperatures by several degrees in a fast-growing desert city.',
    body: [
      'A decade ago, the central streets of one fast-growing desert city regularly reached surface temperatures above 60C on summer afternoons. Walking between bus stops at midday was, in the words of one resident, “like crossing a frying pan”.',
      'Today, measurements taken by the city’s own sensors suggest that the hottest streets are between 3C and 5C cooler at street level than they were, thanks to a programme that combined simple changes on a very large scale.',
      '## Shade first',
      'The city began with shade. Canvas sails were stretched across pavements and bus stops, and new rules required buildings on main streets to include deep arcades or overhangs. More than 40,000 drought-tolerant trees were planted, watered with treated waste water through underground drip lines.',
      'Dark asphalt on pavements and car parks was gradually replaced with lighter materials that reflect more sunlight. Fountains and misting stations were added to squares, and several old irrigation channels, long buried under roads, were reopened to run alongside footpaths.',
      '> “We did not invent anything. Most of these ideas are older than the city itself. We just decided to do all of them, everywhere, at once.” — city urban planning director',
      'The changes have not been cheap or universally popular. Some shopkeepers complained that the arcades made their windows harder to see, and water use has been debated at length in a region where every litre matters.',
      'But residents say the difference is clear. “My children walk to school again,” said Leila Haddad-Moreno, a teacher. “Five years ago I would not let them do that in June.”',
      'Planners from several other hot cities have visited to study the programme, which is now being extended to outlying neighbourhoods.',
    ],
    tags: ['Climate', 'Weather'],
    author: 'anjali-whitcombe',
    hoursAgo: 300,
    imageCaption: 'Shade sails stretch across a pedestrian street in the city centre.',
    imageAlt:
      'Abstract illustration of triangular shade sails in terracotta and cream over a pale street with slender trees.',
  },
  {
    title: 'Monsoon early-warning texts credited with saving a fishing fleet',
    section: 'world',
    subsection: 'asia',
    standfirst:
      'A simple text-message alert system brought more than 300 small boats back to harbour hours before a sudden storm struck a coastal district.',
    body: [
      'More than 300 small fishing boats returned safely to harbour in a coastal district last week, hours before a violent pre-monsoon storm swept across the fishing grounds, thanks to an early-warning system that sends weather alerts by text message.',
      'The system, set up three years ago by a regional weather office and a network of fishing co-operatives, sends short alerts in the local language to registered boat owners whenever forecasters expect dangerous winds or waves.',
      'Last Tuesday, the alert went out at just after 5am, warning of winds above 60km/h by early afternoon. Most crews were already at sea. Within three hours, almost all had turned back.',
      '“We saw the sky was clear and some of the younger men wanted to stay,” said Rajan Pillai-Sorensen, who skippers a six-man boat. “But the message said clearly: come back. We have learned to trust it.”',
      'The system deliberately relies on basic text messages rather than smartphone apps, because many fishers use simple phones and mobile data is patchy at sea. Alerts are also broadcast over the radio and relayed by loudspeakers at landing beaches.',
      'The storm that followed brought waves of up to four metres and damaged several boats that had been moored on open beaches. There were no reported deaths at sea, which co-operative leaders said would have been unlikely in previous years.',
      'The weather office said it hoped to extend the system to inland fishing communities on large lakes and rivers, where sudden storms are also a danger. It is also testing recorded voice messages for older fishers who find text alerts hard to read.',
    ],
    tags: ['Asia', 'Weather', 'Fishing'],
    author: 'anjali-whitcombe',
    hoursAgo: 420,
    imageCaption: 'Small boats returned to harbour within three hours of the alert.',
    imageAlt:
      'Abstract illustration of small wooden boats under a darkening sky, with a glowing phone screen icon above them.',
  },
  // ---------------------------------------------------------------- Life & Style
  {
    title: 'A slow-cooked harbour fish stew for cold evenings',
    section: 'life-style',
    standfirst:
      'This forgiving one-pot stew uses whatever firm white fish the market has, plus fennel, tomatoes and a splash of cider. It feeds six with bread.',
    body: [
      'When the wind comes in hard off the harbour and the fish market stalls start packing up early, this is the stew I make. It is based on one cooked by a fishmonger’s mother on Quayside Street, who told me the secret was “patience, and not too much of anything”.',
      'It is forgiving. Use any firm white fish that looks good on the day, plus a handful of mussels or clams if you can find them. The base can be made a day ahead and the fish added just before serving.',
      '## Ingredients (serves six)',
      'Two tablespoons of olive oil; one large onion and one fennel bulb, both finely sliced; three garlic cloves; a teaspoon of smoked paprika; a pinch of saffron, if you have it; a 400g tin of chopped tomatoes; 300ml dry cider; 700ml fish or vegetable stock; 500g small waxy potatoes, halved; 800g firm white fish, cut into large chunks; 300g mussels, cleaned; a small bunch of parsley; a lemon.',
      '## Method',
      'Warm the oil in a large, heavy pan over a low heat. Add the onion and fennel with a good pinch of salt and cook slowly, stirring now and then, for 20 minutes, until soft and sweet but not browned. Add the garlic, paprika and saffron and cook for two more minutes.',
      'Pour in the cider and let it bubble for a minute, then add the tomatoes, stock and potatoes. Simmer gently, partly covered, for 25 minutes, until the potatoes are just tender. Taste and season. At this point you can cool the base and keep it in the fridge overnight.',
      'To finish, bring the base back to a gentle simmer. Lay the fish on top, cover and cook for five minutes. Add the mussels, cover again and cook for three or four minutes more, until the shells have opened. Throw away any that stay closed.',
      'Scatter over chopped parsley and a squeeze of lemon, and serve in wide bowls with thick slices of bread for mopping up. Do not stir too much once the fish is in, or it will fall apart. A little falling apart, though, is part of the charm.',
    ],
    tags: ['Food', 'Recipes', 'Fishing'],
    author: 'noor-halloran',
    hoursAgo: 40,
    imageCaption: 'Any firm white fish works in this forgiving stew.',
    imageAlt:
      'Abstract illustration of a wide bowl of orange-red stew with white fish shapes, mussel shells and green herbs.',
    comments: [
      {
        author: 'Patricia Vance',
        email: 'patricia.vance@example.com',
        body: 'Made this last night with hake and it was lovely. I added a bay leaf, hope that’s allowed!',
        minutesAfter: 300,
        replies: [
          {
            author: 'Noor Halloran',
            email: 'noor.halloran@broadsheet.example',
            body: 'Absolutely allowed. A strip of orange peel is nice too if you ever want to try it.',
            minutesAfter: 420,
            replies: [
              {
                author: 'Patricia Vance',
                email: 'patricia.vance@example.com',
                body: 'Ooh, next time. Thanks!',
                minutesAfter: 455,
              },
            ],
          },
        ],
      },
      {
        author: 'Tom Ashdown',
        email: 'tom.ashdown@example.com',
        body: 'Any suggestions for a non-alcoholic swap for the cider?',
        minutesAfter: 510,
        replies: [
          {
            author: 'Grace Okoro',
            email: 'grace.okoro@example.com',
            body: 'I used apple juice with a splash of cider vinegar and it worked well — just a bit sweeter.',
            minutesAfter: 600,
          },
        ],
      },
    ],
  },
  {
    title: 'The quiet return of the neighbourhood repair café',
    section: 'life-style',
    standfirst:
      'Once a month, volunteers in a Harbourton church hall fix toasters, trousers and bicycles for free. The queue is getting longer, and so is the list of skills on offer.',
    body: [
      'On the first Saturday of every month, the back hall of St Aldhelm’s fills with the sound of small repairs: the whirr of a sewing machine, the click of a multimeter, the occasional triumphant cheer when a lamp that has been dark for a year flickers back to life.',
      'The Harbourton Repair Café began four years ago with three volunteers and a folding table. Today it has more than 40 regular fixers, and last month it handled 137 items, from a 1970s record player to a child’s favourite cuddly rabbit.',
      '“People come in thinking they’ll just drop something off,” said Hamid Greenhalgh, a retired electrician who helped set up the café. “But the rule is you sit with the fixer and watch. Half the time you go home knowing how to do it yourself next time.”',
      '## More than mending',
      'Organisers say the café has become as much a social space as a workshop. There is tea, cake made by volunteers, and a table where people can swap books and seedlings while they wait.',
      'Sofia Mbeki-Hart, 29, brought in a jacket with a torn lining. “I’d never used a sewing machine,” she said. “Now I’m volunteering on the textiles table. It’s the nicest Saturday morning I have all month.”',
      'The café keeps a log of everything that comes through the door. Last year, volunteers estimate, they saved around two tonnes of household items from being thrown away.',
      '> “Every fixed kettle is one fewer kettle in the bin, and one more person who thinks, maybe I can do this.” — Hamid Greenhalgh',
      'Similar cafés now run in Eastgate and Northfield, and organisers hope to open a fourth in the university quarter later this year. Anyone with a broken item, or a skill to share, is welcome to turn up.',
    ],
    tags: ['Community', 'Sustainability'],
    author: 'noor-halloran',
    hoursAgo: 75,
    editorsPick: true,
    imageCaption: 'Volunteers at the monthly repair café in St Aldhelm’s church hall.',
    imageAlt:
      'Abstract illustration of a table scattered with a kettle, spool of thread, screwdriver and bicycle wheel in warm colours.',
  },
  {
    title: 'Five ways to make a small flat feel bigger, according to designers',
    section: 'life-style',
    standfirst:
      'Mirrors are only the beginning. Three Harbourton interior designers share the tricks they use to make compact homes feel calm, light and spacious.',
    body: [
      'Flats in Harbourton are getting smaller. The average new one-bedroom home in the city is now around 50 square metres, and many older conversions are smaller still. We asked three local interior designers how they make the most of limited space.',
      '## The designers’ tips',
      'Raise your eyeline. Hanging curtains close to the ceiling, rather than just above the window frame, makes walls look taller, says designer Rosa Kettering. “The same goes for shelves. Run them high and the eye follows them upwards.”',
      'Choose furniture with legs. Sofas, cabinets and beds that sit on slim legs let you see more of the floor, which makes a room feel larger. “If you can see under it, your brain counts that as space,” says Kettering.',
      'Pick one colour and commit. Painting walls, skirting boards and even doors in the same shade removes visual breaks. Designer Olu Fairweather recommends soft, warm whites or pale greys for north-facing rooms. “Stark white can feel cold in a Harbourton winter,” he says.',
      'Let storage disappear. Built-in cupboards painted the same colour as the wall can store a surprising amount without looking bulky. Under-bed drawers and a bench with a lifting seat are cheaper alternatives, and a fold-down table can turn a hallway into a place to eat.',
      'Edit ruthlessly. “The biggest difference is almost always what you take out,” says designer Marguerite Osei. She suggests clearing every surface and putting back only the things you use or love. “A small flat with nothing on the floor feels twice the size of one with piles in every corner.”',
      'None of the three designers recommends spending a fortune. Most of their suggestions, they say, cost little more than a tin of paint and an afternoon with a charity shop bag.',
    ],
    tags: ['Homes', 'Advice'],
    author: 'noor-halloran',
    hoursAgo: 180,
    imageCaption: 'Light colours and furniture on slim legs can make a compact room feel larger.',
    imageAlt:
      'Abstract illustration of a bright, minimal living room with a tall window, a slim-legged sofa and a plant.',
  },
  {
    title: '‘I kept bees on a rooftop for a year’: what I learned',
    section: 'life-style',
    standfirst:
      'A year of urban beekeeping brought stings, surprises and eleven jars of honey. Here is what a complete beginner discovered above the city’s chimney pots.',
    body: [
      'Last spring, with more enthusiasm than knowledge, I agreed to help look after two beehives on the flat roof of an office building in the centre of Harbourton. I had never been closer to a bee than swatting one away from a picnic.',
      'The hives belonged to a small community project that places colonies on rooftops across the city. My mentor, a patient retired teacher called Edwin Ashcombe-Lowe, had kept bees for thirty years. “Move slowly, breathe out, and never wear perfume,” was his first piece of advice. It remains the best I have been given.',
      '## Bees are busy in cities',
      'The first surprise was how well the bees did. City bees forage in parks, gardens, railway embankments and window boxes, and Harbourton’s streets are full of lime trees that flower in midsummer. By August, both hives were heavy with honey.',
      'The second surprise was how calm inspecting a hive can be. Once I had stopped flinching, I found the slow work of lifting frames, checking for eggs and looking for signs of disease almost meditative.',
      '## The stings',
      'I was stung four times over the year, each time because I did something careless. Edwin shrugged. “The bees are always right,” he said.',
      'Not everything went well. One colony swarmed in June, leaving in a buzzing cloud that eventually settled on a lamp post two streets away. We collected it in a cardboard box while a small crowd of office workers watched from a safe distance.',
      'By the end of the season, we had taken eleven jars of honey, a pale, floral batch that tasted faintly of lime blossom. I have given most of them away. Keeping the last one, I think, is allowed.',
      'If you are tempted, start as I did: find a local beekeeping group, shadow someone experienced for a season, and expect to be humbled.',
    ],
    tags: ['Wildlife', 'Gardening', 'Community'],
    author: 'noor-halloran',
    hoursAgo: 260,
    imageCaption: 'City bees forage in parks, gardens and along railway embankments.',
    imageAlt:
      'Abstract illustration of hexagonal honeycomb shapes in amber and gold above a silhouette of city rooftops.',
    comments: [
      {
        author: 'Hugh Brennan',
        email: 'hugh.brennan@example.com',
        body: 'Lovely piece. I’ve thought about beekeeping for years but always worried about the neighbours. Did anyone complain?',
        minutesAfter: 90,
        replies: [
          {
            author: 'Noor Halloran',
            email: 'noor.halloran@broadsheet.example',
            body: 'Only once, during the swarm! Most people were curious more than anything. Worth talking to neighbours before you start though.',
            minutesAfter: 150,
          },
        ],
      },
      {
        author: 'Aisha Delacroix',
        email: 'aisha.delacroix@example.com',
        body: 'Lime blossom honey is the best. Is the community project still looking for volunteers?',
        minutesAfter: 330,
      },
      {
        author: 'Colin Mayhew',
        email: 'colin.mayhew@example.com',
        body: 'Good advice about shadowing someone first. I started on my own and lost a colony in the first winter. Learn from people who know.',
        minutesAfter: 720,
      },
    ],
  },
  {
    title: 'Sourdough, patience and a 40-year-old starter',
    section: 'life-style',
    standfirst:
      'A Northfield baker has kept the same sourdough starter alive since 1985. She shares its story, and her advice for anyone nursing their first jar of bubbling flour.',
    body: [
      'In a cool corner of Bernadette Okwu-Laine’s kitchen in Northfield sits a glass jar with a cloth over the top. Inside is a sourdough starter that has been fed, almost every day, for four decades.',
      '“It came from my aunt when I left home,” she says. “She gave it to me in a jam jar wrapped in a tea towel and said, ‘Don’t let it die.’ I took that very seriously.”',
      'The starter has moved house five times, survived a fortnight in a cool bag on a camping holiday, and once, memorably, spent a week in a neighbour’s fridge while Bernadette was in hospital. Today she uses it to bake three loaves a week, and has given spoonfuls to more than a hundred friends and strangers.',
      '## Advice for beginners',
      'Her first tip is to relax. “People treat their starter like a newborn baby,” she says. “It’s much tougher than that. If you forget to feed it for a day, it will forgive you.”',
      'She feeds hers with equal weights of flour and water, using a mix of white and wholemeal. In winter, when her kitchen is cold, she keeps the jar on top of the fridge, where it is slightly warmer.',
      'Her second tip is to bake often and not to worry about failures. “Flat loaves are still delicious toasted,” she says. “Every baker I know has made a few doorstops.”',
      'And her third tip? Share it. “Bread is for giving away. The starter has lasted this long because so many people have a bit of it. If mine ever died, I would just ask for some back.”',
    ],
    tags: ['Food', 'Recipes'],
    author: 'noor-halloran',
    hoursAgo: 400,
    imageCaption: 'The starter has moved house five times since 1985.',
    imageAlt:
      'Abstract illustration of a glass jar of bubbling dough beside a round loaf with a scored top.',
  },
  {
    title: 'How to plan a week of packed lunches without losing your mind',
    section: 'life-style',
    standfirst:
      'A little planning on Sunday can save money, time and morning stress. Here is a simple system for packed lunches that people actually want to eat.',
    body: [
      'Making packed lunches every morning can feel like a daily test you did not revise for. But with a bit of planning, it can become one of the easier parts of the week, and a surprisingly good way to save money.',
      'A bought lunch in central Harbourton now costs around £7 on average. Making your own for five days a week could save more than £1,000 a year, even allowing for ingredients.',
      '## Cook once, eat three times',
      'The simplest trick is to cook extra at dinner. A tray of roasted vegetables on Sunday becomes a grain salad on Monday, a wrap filling on Tuesday and a soup on Wednesday when blended with stock. A pot of lentils or beans can be used in just as many ways.',
      '## Build a template',
      'Nutritionist Deborah Achebe-Rowntree suggests a simple formula: something filling, such as rice, pasta, bread or potatoes; a protein, such as eggs, beans, cheese, fish or chicken; as many vegetables as you can manage; and something with flavour, like a dressing, pickle or spoonful of pesto.',
      '“If you have those four things, you have a proper lunch,” she says. “It doesn’t need to be pretty. It just needs to keep you going until the afternoon.”',
      '## Prepare the night before',
      'Assemble lunches in the evening and keep them in the fridge, ready to grab. Keep dressings separate until the morning so salads stay crisp. And keep a few emergency options in the cupboard, such as oatcakes, nuts or a tin of soup, for the days when everything goes wrong.',
      'Finally, do not aim for perfection. A sandwich you actually eat is better than an elaborate salad you leave in the fridge.',
    ],
    tags: ['Food', 'Advice'],
    author: 'noor-halloran',
    coAuthor: 'anjali-whitcombe',
    hoursAgo: 610,
    imageCaption: 'A simple four-part template makes packed lunches easier to plan.',
    imageAlt:
      'Abstract illustration of lunch boxes with compartments of colourful grains, vegetables and fruit.',
  },
  // ---------------------------------------------------------------- Sport
  {
    title: 'Harbourton Athletic reach cup semi-final with a stoppage-time winner',
    section: 'sport',
    subsection: 'football',
    standfirst:
      'Substitute Jonah Akinwale’s header in the 93rd minute sent a sold-out Ropewalk Road into raptures and Athletic into their first semi-final in 27 years.',
    body: [
      'Harbourton Athletic are one game away from a cup final for the first time in almost three decades after substitute Jonah Akinwale headed a stoppage-time winner against Carrow Vale at a sold-out Ropewalk Road on Saturday.',
      'The 19-year-old, who had been on the pitch for only eleven minutes, met a deep cross from captain Declan Moorcroft at the far post in the third minute of added time, sending the ball looping over the goalkeeper and into the top corner. The ground, full to its 11,200 capacity for the first time this season, erupted.',
      '## A tense afternoon',
      'For long periods it had looked as though the tie would go to penalties. Carrow Vale, who play a division higher, dominated possession in the first half and took the lead on 34 minutes when their striker curled a free kick around the wall.',
      'Athletic responded after the break. Manager Siobhan Dalgleish switched to a back three and pushed her wing-backs higher, and the pressure told on 61 minutes when midfielder Rafael Oyelowo-Banks drove a low shot through a crowded penalty area to equalise.',
      'Both sides had chances to win it in a frantic final quarter. Athletic goalkeeper Callum Strand made two fine saves, including a diving stop from a close-range header with six minutes remaining.',
      '> “I just closed my eyes and hoped. When I opened them, everyone was on top of me.” — Jonah Akinwale',
      'Dalgleish, in her second season in charge, struggled to find words afterwards. “This club has waited a long time for a day like this,” she said. “The players were magnificent, and the supporters carried us through that last ten minutes. I could feel it on the touchline.”',
      'The draw for the semi-finals will take place on Monday evening. Athletic’s last semi-final appearance, 27 years ago, ended in a replay defeat.',
    ],
    tags: ['Harbourton Athletic', 'Football'],
    author: 'idris-fenwick',
    hoursAgo: 8,
    featured: true,
    imageCaption: 'Athletic players celebrate Jonah Akinwale’s late winner at Ropewalk Road.',
    imageAlt:
      'Abstract illustration of a football arcing into the top corner of a net, with a crowd suggested by dots of claret and sky blue.',
    comments: [
      {
        author: 'Gary Hollins',
        email: 'gary.hollins@example.com',
        body: 'Been going to Ropewalk Road for 40 years. Never heard noise like it when that header went in. What a day.',
        minutesAfter: 12,
        replies: [
          {
            author: 'Nadia Ferreira',
            email: 'nadia.ferreira@example.com',
            body: 'My ears are still ringing! My daughter’s first ever match too — she thinks it’s always like this.',
            minutesAfter: 29,
            replies: [
              {
                author: 'Gary Hollins',
                email: 'gary.hollins@example.com',
                body: 'Don’t tell her about the 0-0 draws in February. Let her enjoy it!',
                minutesAfter: 41,
              },
            ],
          },
        ],
      },
      {
        author: 'Phil Ostrowski',
        email: 'phil.ostrowski@example.com',
        body: 'Credit to Dalgleish for the switch at half-time. Changed the whole game.',
        minutesAfter: 55,
      },
      {
        author: 'Maya Trelawney',
        email: 'maya.trelawney@example.com',
        body: 'Strand’s save with six minutes to go deserves as much attention as the winner.',
        minutesAfter: 88,
      },
      {
        author: 'Ben Achterberg',
        email: 'ben.achterberg@example.com',
        body: 'Please let us get a home draw. Ropewalk Road deserves another night like that.',
        minutesAfter: 160,
      },
    ],
  },
  {
    title: 'Rowing club’s women’s eight take the regional title on home water',
    section: 'sport',
    standfirst:
      'Harbourton Rowing Club’s women’s eight won the regional championship by a length and a half on the River Colne, the club’s first title in the event since 2009.',
    body: [
      'Harbourton Rowing Club’s women’s eight won the regional championship on the River Colne on Sunday, beating the defending champions by a length and a half in front of a large crowd on the riverbank.',
      'The crew, whose members range in age from 19 to 46, led from the start of the 2,000-metre course and held off a late push from the favourites in the final 500 metres.',
      '“We knew the river better than anyone,” said stroke Eleanor Vasquez-Hale. “There’s a bend just after the boathouse where the current pulls you wide, and we’ve practised that line a thousand times.”',
      'The crew trains six mornings a week, starting at 5.45am so that members can get to work, university and, in one case, a school run afterwards. Several of the rowers took up the sport only a few years ago through the club’s learn-to-row programme.',
      'Coach Marcus Ashworth-Bell said the victory was the result of “three winters of very cold, very early, very unglamorous work”.',
      '“Everyone sees the race,” he said. “Nobody sees the ergo sessions in January when it’s dark and raining. These women earned this.”',
      'The victory capped a remarkable season for the club, which has seen membership rise to more than 300 since it opened its doors to beginners. Its junior squad also won two silver medals at the same regatta, and the club’s adaptive rowing programme, for people with disabilities, is now full for the first time.',
      'The win qualifies the crew for the national championships later in the summer. The club is raising money to replace its ageing racing boat, which is older than three of the rowers.',
    ],
    tags: ['River Colne', 'Women’s Sport', 'Fitness'],
    author: 'idris-fenwick',
    hoursAgo: 50,
    imageCaption: 'The crew led from the start of the 2,000-metre course.',
    imageAlt:
      'Abstract illustration of a long, narrow rowing boat with eight oars slicing through blue water in a single stroke.',
  },
  {
    title: 'Athletic manager: ‘We are not here to make up the numbers’',
    section: 'sport',
    subsection: 'football',
    standfirst:
      'Siobhan Dalgleish talks about building a team on a modest budget, the pressure of a cup run and why she still drives the minibus for the under-12s.',
    body: [
      'Siobhan Dalgleish arrives at the training ground at 7am, an hour before her players, and leaves it most evenings after dark. When she took over at Harbourton Athletic two seasons ago, the club had just avoided relegation on the final day. Today it sits fourth in the league and is still in the cup.',
      '“People keep asking if we’re surprised,” she says, sitting in a small office decorated with tactics boards and a calendar from a local garage. “I’m not. We have worked very hard for this. We are not here to make up the numbers.”',
      '## Building on a budget',
      'Athletic’s playing budget is one of the smallest in the division. Dalgleish has built her squad largely from young players released by bigger clubs and a handful of experienced professionals who, in her words, “still have something to prove”.',
      '“I look for character first,” she says. “Can they take criticism? Do they help the person next to them? Talent is important, but a dressing room full of talented people who won’t run for each other will lose every week.”',
      'Her methods are detailed. Each player receives a personalised video clip package after every match, and the squad spends at least one session a week on set pieces, which have produced a third of the team’s goals this season.',
      '## Still driving the minibus',
      'Despite the demands of the first team, Dalgleish still helps out with the club’s under-12 side on Sunday mornings, including driving the minibus to away fixtures. “It keeps me grounded,” she says. “Eleven-year-olds don’t care what league position you’re in. They want to know if there’s orange squash at half-time.”',
      'Asked about the semi-final, she smiles. “Ask me after the draw,” she says. “But whoever we get, we will turn up, and we will make it very difficult for them.”',
    ],
    tags: ['Harbourton Athletic', 'Football'],
    author: 'idris-fenwick',
    hoursAgo: 130,
    imageCaption: 'Siobhan Dalgleish is in her second season as Athletic manager.',
    imageAlt:
      'Abstract illustration of a tactics board with circles, arrows and dashed lines in chalk white on green.',
  },
  {
    title: 'Teenage sprinter breaks a city record that stood for 31 years',
    section: 'sport',
    standfirst:
      'Sixteen-year-old Amira Castellane ran 11.52 seconds in the 100 metres at the county championships, shaving a hundredth off a record set before she was born.',
    body: [
      'A 16-year-old sprinter from Eastgate has broken one of Harbourton’s longest-standing athletics records, running the 100 metres in 11.52 seconds at the county championships on Saturday.',
      'Amira Castellane, who trains with Harbourton Harriers, took a hundredth of a second off the women’s city record, which had stood for 31 years. She won the senior women’s final by more than two metres, despite a slight headwind.',
      '“I didn’t even look at the clock at first,” she said. “My coach was jumping up and down on the side of the track, and I thought maybe I’d just qualified for something. Then someone told me.”',
      'The previous record holder, Janet Oyinlola-Booth, now a PE teacher at a Harbourton secondary school, was in the stand to watch. “I’m delighted,” she said. “Records are there to be broken, and I’ve been waiting a long time for someone to do it. She has a beautiful, relaxed running style.”',
      'Castellane only took up athletics three years ago, after a teacher noticed her outrunning classmates in a lunchtime game of tag. She trains four evenings a week on the track at Eastgate Park, which the club shares with two local schools.',
      'Her coach, Desmond Fairley, said the priority was to protect her from too much pressure. “She’s 16, she has exams this summer, and she needs to enjoy it,” he said. “The times will come if we look after her.”',
      'Castellane will now compete at the national youth championships next month. Asked about her ambitions, she was clear. “Finish my exams first,” she said. “Then run faster.”',
    ],
    tags: ['Athletics', 'Harbourton Harriers', 'Women’s Sport', 'Young People'],
    author: 'idris-fenwick',
    hoursAgo: 230,
    imageCaption: 'Amira Castellane trains four evenings a week at Eastgate Park.',
    imageAlt:
      'Abstract illustration of a sprinter in motion drawn with fast orange brush strokes across a running track.',
  },
  {
    title: 'Harbourton Harriers’ cross-country season ends in muddy triumph',
    section: 'sport',
    standfirst:
      'The city’s biggest running club won both the men’s and women’s team titles at the league finale, run on a course that turned into a bog after overnight rain.',
    body: [
      'Harbourton Harriers won both the men’s and women’s team titles at the final fixture of the cross-country league season on Sunday, on a course at Linthorpe Common that had turned into a quagmire after a night of heavy rain.',
      'More than 600 runners from 14 clubs took part. Several lost shoes in the deepest section of mud, a stretch beside a stream that runners have nicknamed “the swallow”.',
      '“I went in with two shoes and came out with one,” said Harriers veteran Colm Ridley-Nash, 58, who finished in the top half of the field despite running the last kilometre with one sock. “It’s cross-country. That’s the whole point.”',
      'The women’s team was led by Priyanka Devereux, who finished second overall, with four more Harriers in the top 20. The men’s team won by a narrow margin after a strong run from a group of under-20 athletes.',
      'The club now has more than 450 members, almost double the number five years ago. Club secretary Lorraine Chivers said much of the growth had come from people who started running through the free weekly 5k runs held in the city’s parks on Saturday mornings.',
      '“People come for a 5k on a Saturday morning, and a year later they’re standing in a field in February, covered in mud and grinning,” she said. “We’ve got a lot to thank those events for.”',
      'The road racing season begins next month with the Harbour Ten, a 10-mile race that starts and finishes on the seafront. Entries are already close to the race’s limit of 1,500 runners.',
    ],
    tags: ['Athletics', 'Harbourton Harriers', 'Fitness'],
    author: 'idris-fenwick',
    hoursAgo: 380,
    imageCaption: 'More than 600 runners tackled the Linthorpe Common course.',
    imageAlt:
      'Abstract illustration of runners as brightly coloured dashes crossing a field of brown and green swirls.',
  },
  {
    title: 'Ground improvements approved ahead of Athletic’s centenary season',
    section: 'sport',
    subsection: 'football',
    standfirst:
      'A new covered stand, better accessible seating and a community café will be built at Ropewalk Road in time for the club’s hundredth birthday.',
    body: [
      'Harbourton Athletic have been given planning permission for a £6.3 million redevelopment of Ropewalk Road, which will include a new covered stand, improved accessible seating and a community café open seven days a week.',
      'The work will be completed in time for the club’s centenary season, which begins in just over a year. The club says capacity will rise from 11,200 to around 12,500.',
      'The centrepiece is a replacement for the ageing open terrace at the harbour end of the ground, which has been exposed to wind and rain since it was built in the 1950s. The new stand will have a roof, 2,100 seats and a safe standing section.',
      'The plans also include 60 new wheelchair spaces with companion seats, a sensory room for supporters with autism or sensory processing needs, and accessible toilets on every level.',
      '“Ropewalk Road is a special place, but it hasn’t always been a welcoming one for everybody,” said club chief executive Naomi Fairbrother. “We want every supporter, whatever their needs, to feel at home here for the next hundred years.”',
      'The community café will sit at the corner of the ground facing Ropewalk Road itself, and will be run by the club’s charitable foundation. Profits will fund youth football and walking football sessions for older residents.',
      'Supporters’ groups have welcomed the plans. “For years we’ve stood at the harbour end getting soaked and telling ourselves it builds character,” said Terry Maddox-Lane, chair of the Athletic Supporters’ Trust. “It will be strange to stay dry, but I think we’ll cope.” The club expects work to begin at the end of the current season.',
      'Some neighbours raised concerns about construction noise and traffic. The club has agreed to limit heavy deliveries to weekday daytime hours and to avoid work on matchdays.',
    ],
    tags: ['Harbourton Athletic', 'Football', 'Planning'],
    author: 'idris-fenwick',
    coAuthor: 'helena-marchetti',
    hoursAgo: 540,
    imageCaption: 'The new stand will replace the open terrace at the harbour end.',
    imageAlt:
      'Abstract illustration of a curved stadium stand with a sweeping roof line in claret and grey.',
  },
  // ---------------------------------------------------------------- Entertainment
  {
    title: 'Harbourton Film Festival opens with a silent classic and a live orchestra',
    section: 'entertainment',
    standfirst:
      'The festival’s 21st edition began with a restored silent comedy accompanied by a 40-piece orchestra, launching ten days of screenings across the city.',
    body: [
      'The Harbourton Film Festival opened on Friday night with a restored silent comedy from the 1920s, accompanied by a new score performed live by the 40-piece Harbourton Civic Orchestra in the grand hall of the Corn Exchange.',
      'More than 900 people filled the hall for the screening, which ended with a standing ovation lasting several minutes. The score, written by local composer Ines Waterford-Kaye, mixed traditional orchestral writing with sea shanty melodies in a nod to the city’s maritime history.',
      '“Silent films were never silent,” Waterford-Kaye said before the screening. “They were always made to be shared with music and a noisy audience. Tonight is about giving this film the room it was made for.”',
      '## Ten days, 84 films',
      'This year’s festival, its 21st, features 84 films from 31 countries, including 12 world premieres. Screenings will take place at five venues, including the Lantern Theatre, the Maritime Library and, for the first time, an outdoor screen on the harbour front.',
      'Festival director Callum Ovenden said the programme had a strong focus on documentaries about coastal communities and on films made by first-time directors. “We want to be a place where new voices get their first big audience,” he said.',
      'Highlights include a documentary about the last ferry crossing of a river estuary, an animated fairy tale made entirely from cut paper, and a late-night strand of horror films set in lighthouses, which organisers admitted was “quite a niche”.',
      'Tickets for most screenings are still available, and a number of free community screenings will take place in libraries and church halls across the city throughout the festival.',
    ],
    tags: ['Harbourton Film Festival', 'Film', 'Music'],
    author: 'helena-marchetti',
    hoursAgo: 3,
    imageCaption: 'The opening night screening filled the Corn Exchange’s grand hall.',
    imageAlt:
      'Abstract illustration of a film reel unspooling into musical notes above rows of theatre seats, in sepia and deep red.',
    comments: [
      {
        author: 'Rosalind Achebe',
        email: 'rosalind.achebe@example.com',
        body: 'Was there last night. The shanty melody in the chase scene had the whole hall laughing and clapping. Magical.',
        minutesAfter: 18,
      },
      {
        author: 'Theo Lindqvist',
        email: 'theo.lindqvist@example.com',
        body: 'Lighthouse horror strand is exactly my kind of niche. Already booked three of them.',
        minutesAfter: 45,
        replies: [
          {
            author: 'Jess Carmody',
            email: 'jess.carmody@example.com',
            body: 'Ha, same. See you on the rocks.',
            minutesAfter: 70,
          },
        ],
      },
      {
        author: 'Imran Hadley',
        email: 'imran.hadley@example.com',
        body: 'Good to see free community screenings again this year. Does anyone know if the library ones need booking?',
        minutesAfter: 110,
      },
    ],
  },
  {
    title: 'Local band’s debut album was recorded inside a disused lighthouse',
    section: 'entertainment',
    standfirst:
      'Folk-rock four-piece The Tidewaiters spent a fortnight recording in the old Gull Point lighthouse, using its spiral staircase as an echo chamber.',
    body: [
      'When The Tidewaiters needed somewhere to record their debut album, they did not book a studio. Instead, the Harbourton four-piece spent two weeks last winter inside the disused lighthouse at Gull Point, hauling amplifiers, a borrowed piano and a generator up a narrow coastal path.',
      'The result, an album called Lamp Room, is released this Friday. The band say the building shaped every song on it.',
      '“The staircase has this incredible echo,” said singer and guitarist Maren Oduya-Flint. “We put a microphone at the top and the drums at the bottom, and it sounded like the whole cliff was playing along.”',
      'The recording was not easy. Storms cut them off from the mainland road twice, and the generator failed on the third day, leaving them to record two songs by candlelight using a battery-powered tape machine.',
      'Bassist Kwame Lindholm said the problems became part of the record. “There’s a song where you can hear the wind rattling the windows,” he said. “We tried to take it out and it sounded wrong without it.”',
      'The lighthouse, which has not been in use since the 1990s, is now owned by a local heritage trust that allowed the band to use it in exchange for a benefit concert, to be held on the headland next summer.',
      'The Tidewaiters play an album launch show at the Anchor Rooms on Saturday. Tickets are sold out, but the band have added a second, free acoustic set at the Maritime Library on Sunday afternoon. The album is also available on vinyl, pressed, fittingly, in translucent sea green.',
    ],
    tags: ['Music', 'Arts'],
    author: 'helena-marchetti',
    hoursAgo: 70,
    imageCaption: 'The band used the lighthouse’s spiral staircase as an echo chamber.',
    imageAlt:
      'Abstract illustration of a lighthouse with sound waves spiralling out from its lamp room over a dark sea.',
  },
  {
    title: 'The Lantern Theatre’s “Tempest” moves out to the harbour front',
    section: 'entertainment',
    standfirst:
      'Shakespeare’s island play will be staged on a floating platform in the harbour this summer, with audiences watching from the quayside steps.',
    body: [
      'The Lantern Theatre will stage its summer production of The Tempest on a floating platform moored in Harbourton’s inner harbour, with audiences seated on the stone steps of the old fish quay.',
      'The production, which opens next month for a three-week run, is the most ambitious in the theatre’s 60-year history. The stage, built on a converted cargo pontoon, will be lit by lanterns and reached by the actors in small rowing boats.',
      '“This is a play about an island, about the sea, about storms and shipwrecks,” said artistic director Beatrix Olowe-Harding. “We have all of those things right outside our front door. It would have been strange to keep it indoors.”',
      'The theatre has worked with the harbour master to make sure the production is safe. Performances will be cancelled if wind speeds exceed a set limit, and every actor has completed water safety training.',
      'Veteran actor Solomon Achterberg-Reyes, who plays Prospero, said rehearsing on the water had been “humbling”. “You learn your lines in a warm room, and then you stand on a platform that moves every time a gull lands on it,” he said. “It keeps you honest.”',
      '> “If it rains, we carry on. Shakespeare’s audiences stood in the rain. Ours will have ponchos.” — Beatrix Olowe-Harding',
      'The production also marks a return to the harbour for the theatre, which began life in the 1960s as a touring company performing in fishing sheds and net lofts along the quay. Several older residents who saw those early shows have been invited to the opening night as guests of honour.',
      'Tickets start at £8, with a number of free tickets set aside for every performance for people living in the harbour wards. Cushions and blankets will be available to borrow.',
    ],
    tags: ['Theatre', 'Arts', 'Harbour Front'],
    author: 'helena-marchetti',
    hoursAgo: 160,
    editorsPick: true,
    imageCaption: 'The stage will float in the inner harbour, lit by lanterns.',
    imageAlt:
      'Abstract illustration of a floating stage glowing with lanterns on dark water, with a crescent moon above.',
  },
  {
    title: 'Festival jury honours a documentary about a vanishing ferry route',
    section: 'entertainment',
    standfirst:
      'A quiet film about the final year of a two-boat river ferry has won the Harbourton Film Festival’s main documentary prize.',
    body: [
      'A documentary following the last year of a tiny river ferry service has won the top documentary prize at the Harbourton Film Festival, beating eleven other films from around the world.',
      'Last Crossing, directed by first-time filmmaker Orla Benedetti-Shaw, follows two ferrymen as they carry passengers, bicycles and the occasional sheep across a wide river estuary in the months before the service closes for good.',
      'The film has almost no narration. Instead, Benedetti-Shaw lets the ferrymen and their passengers speak for themselves: a schoolgirl who crosses twice a day, a farmer who has used the ferry for 50 years, a couple who met on board.',
      '“I didn’t want to tell people how to feel,” she said after accepting the award. “I wanted them to sit on the boat for an hour and a half and feel the water moving underneath them.”',
      'The jury, chaired by film critic Arjun Makepeace-Hale, described the film as “patient, funny and heartbreaking in equal measure”. He added: “It is a film about a ferry, but it is really about what a community loses when the small, unglamorous things disappear.”',
      'Other winners included an animated short about a girl who builds a boat from library books, which took the audience award, and a drama about two sisters running a roadside fruit stall, which won the prize for best first feature. Organisers said ticket sales were the highest in the festival’s history.',
      'The prize includes funding towards the director’s next project. Benedetti-Shaw said she intends to make a film about the lighthouse keepers who once lived along the coast north of Harbourton.',
      'Last Crossing will receive an additional screening at the Lantern Theatre next week.',
    ],
    tags: ['Harbourton Film Festival', 'Film', 'Ferries'],
    author: 'helena-marchetti',
    hoursAgo: 100,
    imageCaption: 'Last Crossing follows the final year of a two-boat river ferry service.',
    imageAlt:
      'Abstract illustration of a small flat ferry crossing a wide estuary under a soft pink evening sky.',
  },
  {
    title: 'Comic book shop celebrates 40 years with a mural painted by its customers',
    section: 'entertainment',
    standfirst:
      'Panel Beaters on Lantern Street marked its anniversary by inviting anyone who had ever bought a comic there to paint a square of a giant mural.',
    body: [
      'For 40 years, Panel Beaters has occupied a narrow shopfront on Lantern Street, its windows crammed with superheroes, graphic novels and hand-written signs recommending whatever the staff are reading that week.',
      'To mark the anniversary, owner Desmond Kovacs-Whitfield invited customers past and present to help paint a mural on the shop’s side wall. More than 300 people took part over a single weekend, each painting one square of a grid designed by a local illustrator.',
      'The finished mural shows the shop itself as a comic panel, surrounded by hundreds of small characters: some instantly recognisable, many invented by the customers who painted them.',
      '“We had a seven-year-old painting a dragon next to a man in his seventies who’s been coming in since the week we opened,” said Kovacs-Whitfield. “That’s this shop in a nutshell.”',
      'The shop has survived four decades of change in how people read comics, from the rise of large chains to digital downloads. Kovacs-Whitfield credits a loyal customer base and a habit of running free drawing clubs for children on Saturday mornings.',
      '“People can buy comics anywhere now,” he said. “They come here because we know their names and we’ll argue with them about which series is best.”',
      'Some of the shop’s earliest customers now bring their grandchildren. Kovacs-Whitfield keeps a battered notebook of regulars’ names and favourite series going back to the 1980s, and says he still gets letters from people who moved away decades ago asking whether a particular title has finished yet.',
      'The mural can be seen from Lantern Street and is expected to stay in place for at least five years.',
    ],
    tags: ['Arts', 'Local Business', 'Community'],
    author: 'helena-marchetti',
    coAuthor: 'noor-halloran',
    hoursAgo: 320,
    imageCaption: 'More than 300 customers painted a square of the mural.',
    imageAlt:
      'Abstract illustration of a brick wall covered in a grid of bright comic-style panels and speech bubbles.',
  },
  {
    title: 'Review: a chamber opera set entirely in a launderette is a small delight',
    section: 'entertainment',
    standfirst:
      'Spin Cycle, a new one-act opera for four singers and five musicians, finds comedy and tenderness in a late-night launderette. Four stars.',
    body: [
      'It is almost midnight in a launderette somewhere in Harbourton. A student waits for her only clean shirt. A night bus driver reads a paperback. An elderly widower folds his late wife’s cardigans with enormous care. And the owner, who has heard every story there is to hear, mops the floor and sings.',
      'That is the set-up for Spin Cycle, a new one-act chamber opera by composer Tobias Nwachukwu-Grey and librettist Fern Aldous, which opened at the Anchor Rooms this week. It runs for just 70 minutes, and it is a small delight.',
      '## Music of the machines',
      'Nwachukwu-Grey’s score borrows its rhythms from the machines themselves. A washing cycle becomes a churning, rising ostinato in the strings; the dryer’s tumble turns into a lilting waltz. It could have been a gimmick, but it is handled with such lightness that it becomes the heartbeat of the piece.',
      'The four singers are excellent. Mezzo-soprano Delphine Armitage, as the owner, has a warm, rich voice and impeccable comic timing, while baritone Gideon Oyelaran gives the widower a quiet dignity that makes his final aria the emotional centre of the evening.',
      'Aldous’s libretto is witty and never condescending. The characters talk about small things, such as lost socks, night shifts and the price of powder, and through them about much bigger ones.',
      'If there is a criticism, it is that the student’s storyline feels thin compared with the others. But that is a minor complaint about a production that feels fresh, generous and utterly rooted in the city where it was made.',
      'Spin Cycle runs at the Anchor Rooms until the end of the month.',
    ],
    tags: ['Music', 'Theatre', 'Arts'],
    author: 'helena-marchetti',
    hoursAgo: 470,
    imageCaption: 'Spin Cycle runs for just 70 minutes at the Anchor Rooms.',
    imageAlt:
      'Abstract illustration of a row of round washing machine doors, each containing a swirl of musical notes.',
  },
  // ---------------------------------------------------------------- Health
  {
    title: 'Hospital waiting times fall for the first time in three years, report finds',
    section: 'health',
    standfirst:
      'The average wait for planned treatment at Harbourton General has dropped by five weeks, though staff warn that winter pressures could reverse the progress.',
    body: [
      'Waiting times for planned operations and treatment at Harbourton General Hospital have fallen for the first time in three years, according to an independent report published on Tuesday.',
      'The average wait from referral to treatment fell from 22 weeks to 17 weeks over the past year. The number of patients waiting more than a year dropped from around 1,900 to just over 600.',
      'The report, commissioned by the regional health board, credits several changes: a new day surgery unit that opened last spring, weekend operating lists for common procedures such as cataract and hip surgery, and a scheme in which patients are offered treatment at a partner hospital if they have waited more than 40 weeks.',
      '## Behind the numbers',
      'The hospital’s chief executive, Dr Farida Morrell-Osei, said staff deserved the credit. “These numbers are the result of nurses, surgeons, porters and administrators giving up weekends and finding new ways of working,” she said. “I am incredibly proud of them.”',
      'But the report also highlights areas of concern. Waits for some specialist services, including dermatology and gynaecology, have grown. And the emergency department continues to struggle at busy times, with around one in five patients waiting more than four hours to be seen.',
      '> “We have made real progress, but nobody here is celebrating. We know how fragile it is, especially with winter coming.” — Dr Farida Morrell-Osei',
      'Patient groups welcomed the improvement but urged caution. Geraldine Pockett, who chairs the Harbourton Patients’ Forum, said many people were still waiting in pain. “Seventeen weeks is better than 22,” she said. “But if you can’t walk to the shops, seventeen weeks is still a very long time.”',
      'The health board will publish quarterly updates on waiting times, with the next due in the spring.',
    ],
    tags: ['Harbourton General', 'Health Services'],
    author: 'anjali-whitcombe',
    hoursAgo: 12,
    editorsPick: true,
    imageCaption: 'A new day surgery unit has helped reduce waits for common operations.',
    imageAlt:
      'Abstract illustration of a downward-sloping line graph formed from soft blue hospital corridor shapes and a clock.',
    comments: [
      {
        author: 'Shirley Adeyemi',
        email: 'shirley.adeyemi@example.com',
        body: 'My husband had his cataract done on a Saturday list last month. Staff were brilliant. Good to see it making a difference.',
        minutesAfter: 40,
      },
      {
        author: 'Martin Keogh',
        email: 'martin.keogh@example.com',
        body: 'Still waiting 30 weeks for a dermatology appointment here, so the averages don’t tell the whole story.\n\nGlad the report mentions it, at least.',
        minutesAfter: 95,
        replies: [
          {
            author: 'Anjali Whitcombe',
            email: 'anjali.whitcombe@broadsheet.example',
            body: 'Thanks Martin. Specialist waits are something we plan to look at in more detail — if you’re willing to share your experience, please get in touch with the newsdesk.',
            minutesAfter: 150,
            replies: [
              {
                author: 'Martin Keogh',
                email: 'martin.keogh@example.com',
                body: 'Will do, thanks.',
                minutesAfter: 190,
              },
            ],
          },
        ],
      },
      {
        author: 'Yvonne Castell',
        email: 'yvonne.castell@example.com',
        body: 'Huge respect to the staff giving up weekends. Hope they’re being properly looked after too.',
        minutesAfter: 220,
      },
    ],
  },
  {
    title: 'New walk-in clinic in Eastgate will open evenings and weekends',
    section: 'health',
    standfirst:
      'The clinic, in a converted bank on Eastgate High Street, will treat minor injuries and illnesses without an appointment from 8am to 10pm every day.',
    body: [
      'A new walk-in clinic for minor injuries and illnesses will open in Eastgate next month, offering treatment without an appointment from 8am to 10pm, seven days a week.',
      'The clinic is being built inside a former bank on Eastgate High Street, which has been empty for four years. It will be staffed by nurse practitioners, paramedics and a GP, and will have its own X-ray room.',
      'Health officials hope it will ease pressure on the emergency department at Harbourton General, where around a third of patients are thought to have conditions that could be treated elsewhere.',
      '“If you’ve sprained an ankle, cut your hand in the kitchen or your child has an ear infection on a Saturday, this is the place to come,” said Dr Owen Trelawny-Ash, the clinical lead. “You’ll be seen faster, and the emergency department can focus on the people who really need it.”',
      'The clinic will deal with minor cuts and burns, sprains and suspected broken bones in arms and legs, minor eye injuries, skin infections, and common illnesses such as chest and ear infections. It will not treat chest pain, serious head injuries or breathing difficulties, for which patients should still call an ambulance or go to the emergency department.',
      'Eastgate residents have campaigned for better local health services for years. The district has one of the lowest numbers of GPs per head of population in the city.',
      '“It’s long overdue,” said Valerie Nkemelu, who runs a community centre on the high street. “Getting to the hospital from here takes two buses. For a lot of families, that’s a whole afternoon.”',
    ],
    tags: ['Harbourton General', 'Health Services', 'Eastgate'],
    author: 'anjali-whitcombe',
    coAuthor: 'idris-fenwick',
    hoursAgo: 85,
    imageCaption: 'The clinic is being built inside a former bank on Eastgate High Street.',
    imageAlt:
      'Abstract illustration of a friendly shopfront with a green cross sign and an open door at dusk.',
  },
  {
    title: 'Street lighting may be shifting sleep patterns, Harbourton researchers find',
    section: 'health',
    standfirst:
      'A university study tracking 1,200 volunteers found those living on the brightest streets fell asleep on average 23 minutes later than those on darker ones.',
    body: [
      'People living on Harbourton’s most brightly lit streets fall asleep on average 23 minutes later than those on darker streets, according to a study by researchers at the University of Harbourton.',
      'The team tracked 1,200 adult volunteers over six months using wrist-worn activity monitors, and combined the data with detailed maps of night-time light levels taken from aerial surveys of the city.',
      'After accounting for age, work patterns and other factors, the researchers found a clear link between the amount of artificial light outside a person’s home and the time they fell asleep. People on the brightest streets also reported feeling slightly less rested in the morning.',
      '## Cause or correlation?',
      'Lead author Dr Ruth Anand-Kellaway stressed that the study shows an association, not proof of cause. “People who live on bright streets may differ in other ways we couldn’t measure, such as noise or how busy the area is,” she said. “But the pattern is consistent with what we know from laboratory studies about how light affects our body clocks.”',
      'Light at night is known to suppress melatonin, a hormone that helps regulate sleep. Blue-rich light, such as that from some modern LED street lamps, has a particularly strong effect in laboratory settings.',
      'The findings come as the council considers how to replace the remaining older street lamps in the city. The researchers suggest warmer-coloured lamps, better shielding to stop light spilling into bedroom windows, and dimming lamps in residential streets late at night.',
      'In the meantime, Dr Anand-Kellaway said, blackout curtains or a simple eye mask could make a difference for people who find their bedrooms too bright. The study is published in a peer-reviewed journal of sleep research.',
    ],
    tags: ['Science', 'University of Harbourton'],
    author: 'anjali-whitcombe',
    hoursAgo: 170,
    imageCaption: 'The study combined activity monitors with aerial maps of night-time light.',
    imageAlt:
      'Abstract illustration of a street lamp casting a warm cone of light towards a bedroom window under a starry sky.',
  },
  {
    title: 'Winter flu vaccine clinics: what you need to know',
    section: 'health',
    standfirst:
      'Free flu vaccines are available to older residents, young children, pregnant women and people with certain health conditions. Here is how and where to get one.',
    body: [
      'This year’s winter flu vaccination programme is now under way in Harbourton, with clinics running at GP surgeries, pharmacies and several community venues across the city.',
      '## Who can get a free vaccine?',
      'Free vaccines are offered to everyone aged 65 and over, children aged two and three, primary school children, pregnant women, and people with long-term health conditions such as diabetes, asthma or heart disease. Carers and frontline health and social care workers are also eligible.',
      '## Where to go',
      'Most eligible adults will be invited by their GP surgery. Many pharmacies also offer the vaccine without an appointment. School-age children will be offered a nasal spray vaccine at school, and parents should look out for a consent form in book bags.',
      'Drop-in clinics will also be held on Saturday mornings at the Eastgate Community Centre and the Northfield Library for anyone who finds it hard to get to a surgery during the week.',
      '## Why it matters',
      'Flu can be serious, particularly for older people and those with existing health problems. Last winter, Harbourton General admitted more than 400 people with flu-related illnesses.',
      '“The vaccine isn’t perfect, but it’s the best protection we have,” said Dr Imogen Calloway-Bright, a GP in the city centre. “Even if you do catch flu after being vaccinated, it is usually milder. And you are less likely to pass it on to someone more vulnerable.”',
      'Side effects are usually mild, such as a sore arm or a slight temperature for a day or two. Anyone with questions should speak to their pharmacist or GP.',
    ],
    tags: ['Health Services', 'Older People', 'Explainer', 'Eastgate'],
    author: 'anjali-whitcombe',
    hoursAgo: 290,
    imageCaption: 'Drop-in clinics will be held on Saturday mornings in Eastgate and Northfield.',
    imageAlt:
      'Abstract illustration of a small shield shape surrounded by falling snowflakes in cool blues and white.',
  },
  {
    title: 'Community choir helps patients recovering from lung illness breathe easier',
    section: 'health',
    standfirst:
      'A weekly singing group for people with long-term lung conditions has become one of the most popular sessions run by Harbourton General’s rehabilitation team.',
    body: [
      'Every Wednesday afternoon, around 30 people gather in a meeting room at Harbourton General to sing. Some carry portable oxygen. Several had never sung in public before. All of them are living with long-term lung conditions.',
      'The group, called Second Wind, was set up two years ago by the hospital’s respiratory physiotherapy team and a local music charity. It has grown so popular that a second weekly session has been added in a community hall in Westfield.',
      '“Singing is a brilliant way to practise the breathing techniques we teach,” said physiotherapist Hannah Delacourt-Mills. “You learn to breathe from lower down, to control how you breathe out, and to pace yourself. But it doesn’t feel like exercise. It feels like fun.”',
      'Participants say the benefits go beyond their lungs. Many people with lung conditions become isolated, because they find it hard to walk far or get out of breath in conversation.',
      '“Before this, I barely left the house,” said Clifford Ashby, 74, who has chronic obstructive pulmonary disease. “Now I’ve got friends here. We have a cup of tea after, and we laugh. I even sang a solo at the Christmas concert, which my wife still can’t believe.”',
      'Research into singing for lung health is still developing, but small studies suggest it may help people manage breathlessness and improve quality of life. The hospital team is collecting data from the group to contribute to that research.',
      'New members are welcome and do not need any singing experience. Referrals can be made by a GP or respiratory nurse, or people can contact the rehabilitation team directly.',
    ],
    tags: ['Harbourton General', 'Music', 'Older People'],
    author: 'anjali-whitcombe',
    hoursAgo: 440,
    imageCaption: 'The Second Wind choir meets every Wednesday afternoon.',
    imageAlt:
      'Abstract illustration of soft flowing lines rising like breath and musical notes from a circle of chairs.',
  },
  {
    title: 'Early-morning swims for older residents are oversubscribed',
    section: 'health',
    standfirst:
      'Quiet lane sessions at Harbourton Lido for swimmers over 60 have a waiting list of more than 200, prompting calls for more pool time.',
    body: [
      'A programme of early-morning swimming sessions for people aged over 60 at Harbourton Lido has become so popular that more than 200 people are on a waiting list for a place.',
      'The sessions, which run from 6.30am to 8am on weekdays, offer quiet lanes, a lifeguard trained in supporting older swimmers, and a heated changing area. They cost £2.50 for residents with a leisure card.',
      '“It’s the best part of my day,” said Dorothy Ekwueme-Blair, 81, who swims four mornings a week. “The water is calm, the light is coming up over the harbour, and you feel like you’ve earned your breakfast.”',
      'Swimming is widely recommended for older adults because it builds strength and fitness without putting pressure on joints. Many participants have arthritis, or are recovering from surgery.',
      'Leisure centre manager Ravi Bellamy-Stone said the centre was looking at ways to add more sessions, but pool time was already in demand from schools, swimming clubs and lessons. “It’s a nice problem to have, but it is a problem,” he said. “We don’t want anyone to be turned away.”',
      'Researchers at the University of Harbourton are also following a group of the swimmers over a year to measure changes in balance, grip strength and mood. Early findings, they say, are encouraging, though they caution that people who sign up for early swims may already be more active than average.',
      'Local councillors have asked the council to consider extending the scheme to the Eastgate Leisure Centre pool, which is less busy early in the morning.',
      'In the meantime, regulars have started a buddy system, taking it in turns to give up a session each week so that people on the waiting list can try it out.',
    ],
    tags: ['Older People', 'Fitness', 'Harbour Front'],
    author: 'anjali-whitcombe',
    hoursAgo: 650,
    imageCaption: 'The sessions run on weekdays from 6.30am at Harbourton Lido.',
    imageAlt:
      'Abstract illustration of calm turquoise pool lanes at sunrise, with a lone swimmer leaving a soft wake.',
  },
  // ---------------------------------------------------------------- Tech
  {
    title: 'Harbourton start-up says its sodium battery can outlast lithium in the cold',
    section: 'tech',
    standfirst:
      'Saltcell, founded in a dockside workshop, claims its sodium-ion cells keep more of their charge in freezing weather. Independent tests are due this spring.',
    body: [
      'A start-up based in a converted warehouse on Harbourton’s docks says it has developed a sodium-ion battery that holds more of its charge in freezing conditions than comparable lithium-ion cells, a claim that, if confirmed, could make it attractive for electric buses, boats and storage in cold regions.',
      'Saltcell was founded three years ago by two former University of Harbourton researchers, chemist Dr Efua Lindqvist-Mensah and engineer Patrick Oyelaran-Moss. The company now employs 34 people.',
      '## Why sodium?',
      'Sodium is one of the most abundant elements on Earth and can be extracted from ordinary salt, making it far cheaper and easier to source than lithium. Sodium-ion batteries are generally heavier and store less energy for their size, which has limited their use in cars and phones.',
      'But Saltcell says its cells, which use a new electrolyte developed in the university’s chemistry department, retain around 88 per cent of their capacity at minus 20C, compared with around 60 to 70 per cent for typical lithium-ion cells in the company’s own tests.',
      '“Batteries hate the cold,” said Dr Lindqvist-Mensah. “If you’ve ever seen your phone die on a winter walk, you know the problem. We think sodium can be part of the answer, especially where weight matters less than reliability.”',
      '## Waiting for the independent data',
      'Outside experts were cautiously interested. “The chemistry is plausible, and cold performance is a genuine weakness of current batteries,” said Professor Miriam Acheson-Cole, an energy storage researcher not involved with the company. “But company tests are only the start. I would want to see independent results and how the cells age over thousands of cycles.”',
      'Saltcell has sent cells to an independent testing laboratory, with results expected in the spring. The company is also running a pilot with Harbourton’s harbour authority, powering a small electric workboat through the winter months.',
      'Oyelaran-Moss said the firm hoped to build a small production line in the city within two years. “We want to make these here,” he said. “This city was built on the sea and on salt. It feels right.”',
    ],
    tags: ['Local Business', 'Science', 'University of Harbourton', 'Sustainability'],
    author: 'anjali-whitcombe',
    hoursAgo: 22,
    featured: true,
    imageCaption: 'Saltcell is testing its cells in an electric workboat through the winter.',
    imageAlt:
      'Abstract illustration of a glowing battery cell surrounded by salt crystals and frost patterns in teal and white.',
    comments: [
      {
        author: 'Leon Prentice',
        email: 'leon.prentice@example.com',
        body: 'Good to see a balanced piece that waits for independent data instead of declaring a revolution. Looking forward to the follow-up.',
        minutesAfter: 33,
      },
      {
        author: 'Chiara Benton',
        email: 'chiara.benton@example.com',
        body: 'What about recycling? Is sodium-ion easier to recycle than lithium?',
        minutesAfter: 80,
        replies: [
          {
            author: 'Leon Prentice',
            email: 'leon.prentice@example.com',
            body: 'From what I understand it avoids some of the harder-to-source metals, which helps, but the recycling industry is still mostly set up for lithium.',
            minutesAfter: 115,
            replies: [
              {
                author: 'Chiara Benton',
                email: 'chiara.benton@example.com',
                body: 'Interesting, thanks. Maybe a question for the company when the test results come out.',
                minutesAfter: 140,
              },
            ],
          },
        ],
      },
      {
        author: 'Sam Whitlock',
        email: 'sam.whitlock@example.com',
        body: 'Great to hear about skilled jobs on the docks again.',
        minutesAfter: 200,
      },
    ],
  },
  {
    title: 'City library trials an AI assistant to help readers explore local archives',
    section: 'tech',
    subsection: 'ai',
    standfirst:
      'The Maritime Library’s six-month pilot lets visitors ask questions about the city’s history in plain language, with every answer linked to its original source.',
    body: [
      'Harbourton’s Maritime Library has begun a six-month trial of an AI assistant designed to help visitors search the city’s historical archives, which include more than a century of shipping records, council minutes and local newspapers.',
      'Visitors can type questions in everyday language, such as “when was the first tram on Quayside Street?” or “which ships were built at the Colne yard in the 1920s?”, and the system suggests relevant documents from the digitised collection.',
      '## Sources first',
      'Librarians say the system was designed to avoid a common problem with AI tools: confident answers that turn out to be wrong. Instead of writing its own summary, the assistant points readers directly to the relevant pages in the archive, highlighting the passages it thinks are most useful.',
      '“We didn’t want a machine that makes things up about our city’s history,” said archivist Lydia Marchbank-Oduya. “Every suggestion comes with the original source, so readers can check it for themselves. The archive is the authority, not the software.”',
      'The system runs on the library’s own servers, and questions are not stored after a session ends. It was built with help from computer science students at the University of Harbourton.',
      'Early feedback has been positive, particularly from family historians. “I found my great-grandfather’s name on a crew list in about ten minutes,” said one visitor, Douglas Fairweather. “I’d spent two years looking for that.”',
      'Staff will still be on hand to help visitors, and the library says the pilot is meant to support librarians, not replace them. Feedback forms are available at the enquiry desk.',
    ],
    tags: ['Artificial Intelligence', 'Libraries', 'University of Harbourton'],
    author: 'anjali-whitcombe',
    hoursAgo: 45,
    imageCaption: 'Every suggestion from the assistant links to an original archive document.',
    imageAlt:
      'Abstract illustration of old ledgers and maps connected by thin glowing lines to a simple search box.',
  },
  {
    title: 'Council’s open data portal now publishes bus punctuality in real time',
    section: 'tech',
    standfirst:
      'Anyone can now see how late, or early, every bus in Harbourton is running, and developers are already building apps on top of the data.',
    body: [
      'Harbourton City Council has started publishing real-time punctuality data for every bus in the city on its open data portal, allowing anyone to see how closely each route is sticking to its timetable.',
      'The data comes from GPS trackers fitted to all 260 buses operated by the city’s two bus companies. It is updated every 30 seconds and published under an open licence, meaning anyone can use it for free.',
      'The council says the aim is to increase transparency and help passengers plan journeys. “If a route is regularly running late, people deserve to know, and we deserve to be asked about it,” said Councillor Meera Lindgren, who is responsible for transport.',
      'Within days of the data being released, local developers had started building tools with it. One, created by a group of students, shows a live map of the city with buses coloured green, amber or red depending on how late they are running.',
      '“It’s the kind of thing that’s really hard to build without open data,” said Tariq Bellweather, one of the students. “Now anyone can have a go, and the best ideas will win.”',
      'Early figures show that around 81 per cent of buses run within five minutes of their timetable, but some routes, particularly those crossing the city centre at rush hour, perform much worse.',
      'Bus operators said they welcomed the transparency, but pointed out that many delays are caused by traffic congestion and roadworks outside their control. The council said it would use the data to identify junctions where bus lanes or signal changes could help.',
    ],
    tags: ['Harbourton Council', 'Buses', 'Transport'],
    author: 'anjali-whitcombe',
    coAuthor: 'idris-fenwick',
    hoursAgo: 140,
    imageCaption: 'Data from 260 buses is updated every 30 seconds.',
    imageAlt:
      'Abstract illustration of a city map with coloured dots in green, amber and red moving along route lines.',
  },
  {
    title: 'What a university lab learned from teaching a robot to sort recycling',
    section: 'tech',
    subsection: 'ai',
    standfirst:
      'A robotic arm trained to pick plastics from a conveyor belt got very good at easy items, and surprisingly bad at crushed drinks cartons.',
    body: [
      'For eighteen months, a robotic arm in a laboratory at the University of Harbourton has spent its days picking rubbish off a conveyor belt. The aim: to find out whether machine learning can help the city’s recycling plant sort waste more accurately.',
      'The answer, according to a report published by the team this week, is a qualified yes.',
      'The system uses cameras and a machine learning model trained on more than 400,000 labelled images of household waste. When it recognises a particular type of plastic, the arm reaches down and lifts it into the right bin.',
      '## Easy wins, stubborn problems',
      'For clean, uncrushed plastic bottles, the robot was right more than 97 per cent of the time, picking around 40 items a minute. But it struggled with items that were crushed, dirty or partly covered by other rubbish.',
      '“Crushed drinks cartons were our nemesis,” said Dr Samuel Okonjo-Frey, who leads the project. “They come in every shape imaginable, they’re made of several materials, and they’re often covered in something sticky. The model would confidently call one a plastic bag, then a piece of card, then a bottle.”',
      'The team improved performance by adding more images of difficult items and by using a second camera that measures how light reflects off different materials.',
      'The researchers say the lesson is that AI sorting works best alongside people, not instead of them. At the city’s recycling plant, where a trial arm will be installed later this year, workers will continue to handle tricky items while the robot takes on the repetitive picking of common ones.',
      '“The most useful thing the robot does is take away the boring, repetitive work,” said Dr Okonjo-Frey. “That frees up people for the judgements machines still find hard.”',
    ],
    tags: ['Artificial Intelligence', 'Sustainability', 'University of Harbourton'],
    author: 'anjali-whitcombe',
    hoursAgo: 250,
    imageCaption: 'The robotic arm was trained on more than 400,000 images of household waste.',
    imageAlt:
      'Abstract illustration of a jointed robotic arm hovering over a conveyor of coloured geometric shapes.',
  },
  {
    title: 'Full-fibre broadband finally reaches the last villages on the peninsula',
    section: 'tech',
    standfirst:
      'Residents of the Hollin peninsula have waited a decade for fast broadband. The final connection was made this week, at a farmhouse at the end of a single-track lane.',
    body: [
      'The last households on the Hollin peninsula, north of Harbourton, have been connected to full-fibre broadband, ending a decade-long campaign by residents who said slow internet was driving young families and businesses away.',
      'The final connection was made on Tuesday at a farmhouse at the end of a two-mile single-track lane. The farm’s owner, Gwen Abernathy-Price, celebrated by video-calling her grandchildren in another country. “Clear picture, no freezing,” she said. “That has never happened before.”',
      'The project, funded by a regional government grant and a community-owned broadband company, has connected around 1,100 homes and businesses across eleven villages. Before the work, many properties had download speeds of less than 2 megabits per second, too slow for video calls or online schooling.',
      'Much of the work was done by local contractors, and farmers granted access across their land for cables free of charge. Volunteers helped dig trenches in some of the most remote spots.',
      '“This was never going to be profitable for a big company, so we did it ourselves,” said Malcolm Tregothnan-Hughes, chair of the community broadband company. “It has taken a long time, but we’ve done it properly.”',
      'Businesses on the peninsula say the difference is already clear. A holiday cottage company can now take online bookings reliably, and a small furniture maker has started selling internationally.',
      'For families, the change has been just as significant. Parents on the peninsula describe winters spent driving children to a layby at the top of a hill, where a mobile signal was strong enough for homework to be uploaded. “We used to call it the homework layby,” said one mother, Carys Penhallow. “I won’t miss it.”',
      'The community company will continue to maintain the network and says any profits will be reinvested in digital skills classes for older residents.',
    ],
    tags: ['Rural Life', 'Local Business'],
    author: 'anjali-whitcombe',
    hoursAgo: 360,
    imageCaption: 'Around 1,100 homes and businesses across eleven villages are now connected.',
    imageAlt:
      'Abstract illustration of glowing fibre-optic lines winding across green fields towards a lone farmhouse.',
  },
  {
    title: 'Should you let an AI write your emails? We tried it for a week',
    section: 'tech',
    subsection: 'ai',
    standfirst:
      'Our reporter handed her inbox to an AI writing assistant for five working days. It saved time, caused one awkward moment and changed how she writes.',
    body: [
      'Like many people, I spend a large part of my working day writing emails. So when a colleague suggested I try letting an AI writing assistant draft them for a week, I agreed, with some reluctance.',
      'The rules were simple. For five working days, every email I sent would start as a draft written by the assistant, based on a short instruction from me. I could edit the drafts, but I had to keep track of how much I changed.',
      '## Day one: too polite',
      'The first drafts were fine, but relentlessly formal. A quick note to a colleague asking if she wanted a coffee came out as three paragraphs that began “I hope this message finds you well”. I deleted most of it.',
      '## Day three: finding a rhythm',
      'By midweek I had learned to give better instructions. “Short, friendly, two sentences” worked well. The assistant was genuinely helpful for the emails I dread: politely chasing an overdue reply, declining an invitation, or summarising a long thread.',
      'On average, I estimate it saved me around 20 minutes a day. But I rewrote more than half of every draft, especially anything that needed my own judgement or knowledge.',
      '## The awkward moment',
      'On day four, I asked it to reply to a reader who had written about a personal health issue. The draft was grammatically perfect and completely tone-deaf, cheerfully thanking her for her “valuable feedback”. I wrote that one myself.',
      'After a week, I have gone back to writing most emails on my own. But I have kept one habit from the experiment: writing a short note to myself about what I want to say before I start. It turns out that was the most useful part all along.',
    ],
    tags: ['Artificial Intelligence', 'Advice'],
    author: 'anjali-whitcombe',
    hoursAgo: 560,
    imageCaption: 'The assistant saved around 20 minutes a day, but most drafts needed rewriting.',
    imageAlt:
      'Abstract illustration of an envelope unfolding into speech bubbles and sparkles beside a blinking cursor.',
    comments: [
      {
        author: 'Ruth Pemberton',
        email: 'ruth.pemberton@example.com',
        body: '“I hope this message finds you well” — I laughed out loud. Exactly my experience.',
        minutesAfter: 120,
      },
      {
        author: 'Dan Okereke',
        email: 'dan.okereke@example.com',
        body: 'The point about writing a note to yourself first is a really good one. Half my bad emails are bad because I didn’t know what I wanted to say.',
        minutesAfter: 240,
        replies: [
          {
            author: 'Ruth Pemberton',
            email: 'ruth.pemberton@example.com',
            body: 'Same. Maybe the real productivity tool was thinking all along.',
            minutesAfter: 300,
          },
        ],
      },
      {
        author: 'Frances Holt',
        email: 'frances.holt@example.com',
        body: 'Glad you wrote the reply to the reader yourself. Some things need a human.',
        minutesAfter: 410,
      },
    ],
  },
  // ---------------------------------------------------------------- Travel
  {
    title: 'A slow rail route along the coast, from Harbourton to Château-sur-Mer',
    section: 'travel',
    standfirst:
      'Six hours, three trains and one very good sandwich: the coastal line south of Harbourton is the most rewarding way to reach the old walled town of Château-sur-Mer.',
    body: [
      'There is a fast way to reach Château-sur-Mer from Harbourton, involving a motorway and a great deal of concrete. And there is the way I recommend: six unhurried hours on three trains that cling to the coast almost the whole way.',
      'The first leg, on the regional line from Harbourton Central, takes just under two hours. Sit on the right-hand side. Within ten minutes of leaving the city, the track runs along the top of a sea wall, so close to the water that spray sometimes hits the windows on stormy days.',
      '## Changing at Marrowby',
      'At Marrowby, a small junction town with a beautifully restored Victorian station, you change to a two-carriage branch line train. There are 40 minutes between connections, which is just enough time to walk to the bakery opposite the station and buy a crab sandwich that I still think about.',
      'The branch line is the highlight of the journey. It winds through fishing villages, crosses two long viaducts and passes beneath chalk cliffs where, on a clear day, you can see seabirds wheeling below you. The conductor on my train pointed out a colony of puffins “for anyone who’s interested”, and the whole carriage rushed to the windows.',
      '## Arriving in Château-sur-Mer',
      'The final short hop brings you into Château-sur-Mer itself, a walled town of narrow lanes and pastel houses built around a ruined castle. Its name, a reminder of a medieval trading link across the sea, is pronounced locally as “Shatto”, which purists find distressing.',
      '> “People always ask why I don’t drive. I tell them: you can’t watch puffins from a motorway.” — Branch line conductor',
      'A return ticket costs around £48 if booked in advance, with a railcard reducing that further. Trains run every two hours on weekdays and less often on Sundays, so check connections before setting off.',
      'Stay for at least a night. The town is at its best in the early evening, when the day visitors have left and the harbour lights come on one by one.',
    ],
    tags: ['Rail Travel', 'Coast', 'Slow Travel'],
    author: 'noor-halloran',
    hoursAgo: 36,
    editorsPick: true,
    imageCaption: 'The branch line crosses two viaducts on its way to Château-sur-Mer.',
    imageAlt:
      'Abstract illustration of a small two-carriage train crossing a stone viaduct above a turquoise bay and chalk cliffs.',
    comments: [
      {
        author: 'Gwen Tarrant',
        email: 'gwen.tarrant@example.com',
        body: 'Can confirm the crab sandwich at Marrowby is legendary. We did this trip for our anniversary and it was perfect.',
        minutesAfter: 50,
        replies: [
          {
            author: 'Noor Halloran',
            email: 'noor.halloran@broadsheet.example',
            body: 'So glad to hear it! Happy anniversary.',
            minutesAfter: 95,
          },
        ],
      },
      {
        author: 'Luc Aubertin',
        email: 'luc.aubertin@example.com',
        body: 'I grew up near Château-sur-Mer. It is indeed “Shatto” to locals, and we have stopped apologising for it.',
        minutesAfter: 140,
        replies: [
          {
            author: 'Harriet Moss',
            email: 'harriet.moss@example.com',
            body: 'This made me laugh. Is it worth visiting out of season?',
            minutesAfter: 175,
            replies: [
              {
                author: 'Luc Aubertin',
                email: 'luc.aubertin@example.com',
                body: 'Even better out of season. Fewer people, and the castle walls are wonderful in a winter storm. Bring a proper coat.',
                minutesAfter: 230,
              },
            ],
          },
        ],
      },
      {
        author: 'Owain Reddy',
        email: 'owain.reddy@example.com',
        body: 'Good tip about sitting on the right. Is the route accessible for wheelchair users?',
        minutesAfter: 320,
      },
    ],
  },
  {
    title: 'Forty-eight hours in Harbourton’s old quarter: a visitor’s guide',
    section: 'travel',
    standfirst:
      'Cobbled lanes, a working fish market, a secondhand bookshop in a former chapel and the best harbour views in the city. Here is how to spend a weekend.',
    body: [
      'Harbourton’s old quarter is small enough to cross on foot in fifteen minutes, yet full enough to fill a long weekend. Here is how to make the most of two days among its lanes.',
      '## Saturday morning',
      'Start early at the fish market on the old quay, where boats unload from 6am. Even if you are not buying, it is worth watching the auction, a fast and mysterious ritual conducted in hand signals. Afterwards, take breakfast at one of the cafés on Chandlers Row, where the bacon rolls are generous and the coffee strong.',
      'Walk it off along the harbour wall to the Watch House, a former coastguard station that now houses a small museum of shipwrecks and rescues. Entry is free, and the volunteers have stories you will not find on the information boards.',
      '## Saturday afternoon and evening',
      'Lose yourself in the narrow lanes between Ropewalk Road and Chapel Street, where many of the old net lofts and sail makers’ workshops have become galleries and studios. Then climb the 199 steps of Gallows Hill for the best view of the harbour at sunset.',
      'For dinner, book ahead at one of the small restaurants on Quayside Street, where most menus change daily depending on the catch.',
      '## Sunday',
      'Spend the morning browsing at Pilgrim Books, a secondhand bookshop in a former chapel, with reading nooks in the old pews. Finish with a walk along the river path to the Maritime Library, whose top-floor reading room has the best free view in the city.',
    ],
    tags: ['Harbour Front', 'Walking'],
    author: 'noor-halloran',
    hoursAgo: 120,
    imageCaption: 'The old quarter is small enough to cross on foot in fifteen minutes.',
    imageAlt:
      'Abstract illustration of winding cobbled lanes, colourful doorways and harbour masts under a warm evening sky.',
  },
  {
    title: 'Island hopping by ferry without a car: a practical guide',
    section: 'travel',
    standfirst:
      'Leaving the car at home makes island travel cheaper, calmer and more flexible. Here is how to plan a multi-island trip using ferries, buses and your own two feet.',
    body: [
      'Taking a car on a ferry can cost more than the rest of a holiday combined, and in summer the vehicle decks on popular routes sell out weeks in advance. Foot passengers, by contrast, can usually just turn up, often for a fraction of the price.',
      'Travelling between islands without a car requires a little more planning, but the rewards are considerable: fewer queues, more flexibility and the pleasure of arriving somewhere at walking pace.',
      '## Plan around the ferries',
      'Start with the ferry timetables, not the hotels. On smaller routes, sailings may run only once or twice a day, and less often in winter. Build in a spare day in case of bad weather, which can cancel sailings with little notice.',
      '## Check the buses and bikes',
      'Most larger islands have a bus service timed to meet the ferries, though it may not run on Sundays. Many islands also have bike hire close to the ferry terminal, and some allow bikes on the boats for free.',
      '## Pack light',
      'You will be carrying everything yourself, up gangways, on to buses and along harbour roads. A backpack or a small wheeled case that can handle cobbles is ideal. “The best island travellers I know carry one bag and a good waterproof,” says Alasdair Munro-Petit, who has worked as a ferry deckhand for 22 years.',
      'Finally, talk to people. Islanders are usually the best source of information about which beach is sheltered today, which café has fresh scones and whether the afternoon ferry is likely to sail.',
    ],
    tags: ['Ferries', 'Coast', 'Slow Travel', 'Advice'],
    author: 'noor-halloran',
    hoursAgo: 210,
    imageCaption: 'Foot passengers can often turn up and sail without booking.',
    imageAlt:
      'Abstract illustration of a ferry crossing between small green islands with a backpack icon in the foreground.',
  },
  {
    title: 'The hilltop café at the end of a very short bus route',
    section: 'travel',
    standfirst:
      'The number 7 bus runs for just eleven minutes from Harbourton’s seafront to the village of Kestle Top, where a tiny café serves the city’s most talked-about scones.',
    body: [
      'Harbourton’s number 7 bus is not a glamorous route. It leaves the seafront every half hour, climbs a steep hill in a low gear and, eleven minutes later, stops at a turning circle in the village of Kestle Top, where it waits for five minutes before heading back down.',
      'But for many people who ride it, the point is what waits at the top: the Kestle Top Café, a former bus shelter and waiting room converted into a café with four tables, a small terrace and one of the finest views along the coast.',
      'The café is run by Marisol Penrose-Adeyemi, who took over the lease eight years ago. “The bus company was going to knock it down,” she says. “I said, let me make tea in it instead. They seemed relieved.”',
      'Her scones, baked every morning from her grandmother’s recipe, have acquired something of a cult following. On busy weekends they sell out before noon. She serves them with local clotted cream and a jam made from blackberries picked in the hedges along the lane.',
      'From the terrace, on a clear day, you can see the whole sweep of Harbourton Bay, the Harbour Bridge and, far to the south, the pale cliffs beyond Marrowby.',
      '“Some people come up just for the view and have a cup of tea. Some come up for three scones and don’t look at the view at all,” says Penrose-Adeyemi. “Both are fine by me.”',
      'The café opens from 9am to 4pm, Wednesday to Sunday. It takes cash and cards, but there are only four tables, so in summer, patience is advised. The number 7 runs every 30 minutes from the seafront bus station.',
    ],
    tags: ['Buses', 'Local Business', 'Food'],
    author: 'noor-halloran',
    hoursAgo: 340,
    imageCaption: 'The café occupies a former bus shelter at the top of the hill.',
    imageAlt:
      'Abstract illustration of a tiny café with a striped awning on a green hilltop, looking out over a wide blue bay.',
  },
  {
    title: 'Night trains are back. Here’s how to book a cabin without the stress',
    section: 'travel',
    standfirst:
      'Sleeper services have returned to many routes across the continent. A few simple tips can make booking easier and the journey far more comfortable.',
    body: [
      'After years of decline, night trains are enjoying a revival. New and revived sleeper routes now link many cities across the continent, offering travellers the chance to go to sleep in one country and wake up in another.',
      'Booking them, however, can be confusing. Different operators sell tickets in different ways, and cabins on popular routes can sell out quickly.',
      '## Know your options',
      'Most night trains offer three types of accommodation. Seats are cheapest but least comfortable. Couchettes are shared compartments with four or six simple bunks, usually with pillows and blankets provided. Sleeper cabins have one to three proper beds, and often a washbasin or even a private shower.',
      '## Book early, but not too early',
      'Tickets are often released three to six months before travel. Booking as soon as they are available gives you the best choice of cabins and prices, but timetables sometimes change, so check cancellation terms carefully.',
      '## What to bring',
      'Pack a small overnight bag with everything you need for the evening and morning, so you do not have to unpack a large suitcase in a small space. Earplugs, an eye mask, a refillable water bottle and some snacks are useful. Most trains have a basic breakfast included in sleeper fares.',
      '“The secret is to think of it as a hotel that moves, not a train you have to endure,” says Annika Verhoeven-Ross, who writes a newsletter for rail travellers. “Have dinner before you board, read for an hour and let the train rock you to sleep.”',
    ],
    tags: ['Rail Travel', 'Advice'],
    author: 'noor-halloran',
    hoursAgo: 480,
    imageCaption: 'Sleeper cabins range from simple couchettes to private rooms with showers.',
    imageAlt:
      'Abstract illustration of a train carriage window at night, with a small bunk, a reading lamp and passing stars.',
  },
  {
    title: 'Walking the Saltmarsh Way: 42 miles of birds, wind and big skies',
    section: 'travel',
    standfirst:
      'The long-distance path around the Colne estuary is flat, remote and utterly absorbing. It takes three to four days and rewards walkers who like their landscapes wide.',
    body: [
      'There are no mountains on the Saltmarsh Way. The highest point on the 42-mile path, which loops around the Colne estuary north of Harbourton, is a sea wall about five metres above the marsh. And yet it is one of the most memorable walks I have done.',
      'The landscape is defined by its horizontals: the flat line of the marsh, the wide grey ribbon of the estuary and, above everything, an enormous sky that changes by the minute.',
      '## Day one: Harbourton to Saltcote',
      'The path starts at the Maritime Library and follows the river out of the city, past boatyards and allotments, before reaching open marsh. The first night’s stop is Saltcote, a village with a single pub that serves very good fish pie.',
      '## Days two and three: the wild middle',
      'The central section is the most remote, with long stretches of sea wall and no shops. Carry plenty of water and food. In winter, the mudflats are home to tens of thousands of wading birds and geese, and their calls at dusk are extraordinary.',
      '“People think marshes are empty,” said Isobel Thackeray-Nunn, a volunteer warden I met near the old salt works. “They are the opposite. They’re teeming. You just have to slow down and look.”',
      '## Practical tips',
      'The path is well waymarked but can be muddy, and some sections flood at very high tides, so check tide tables before setting off. Accommodation is limited, so book ahead. A bus links several points on the route back to Harbourton for anyone who wants to walk it in sections.',
    ],
    tags: ['Walking', 'Wildlife', 'Slow Travel', 'River Colne'],
    author: 'noor-halloran',
    hoursAgo: 700,
    imageCaption: 'The path follows sea walls around the Colne estuary.',
    imageAlt:
      'Abstract illustration of a lone path along a low sea wall between golden marsh grasses and a vast pale sky with birds.',
  },
]

export const DEMO_PAGES: { slug: string; title: string; body: string[] }[] = [
  {
    slug: 'about',
    title: 'About Us',
    body: [
      'The Broadsheet Gazette is an independent daily news website serving the city of Harbourton and the towns and villages around the Colne estuary. We report on the decisions that shape the city, the people who live in it and the stories that matter to them, from the council chamber to the touchline.',
      'The Gazette is a demonstration publication. Harbourton, its people and every story on this site are fictional, created to show what a newsroom running on Broadsheet looks like in practice.',
      '## Our newsroom',
      'Our small team of reporters and editors works from an office near the harbour. We are funded by readers, local advertisers and a community membership scheme, and we have no owner with interests to protect.',
      '## Editorial standards',
      'We aim to be accurate, fair and clear. We check facts before we publish, we attribute information to its source, and we give people and organisations we write about a fair opportunity to respond. We separate news reporting from opinion and label reviews and comment pieces clearly.',
      'We do not pay for stories, and our journalists do not accept gifts or hospitality that could affect, or appear to affect, their reporting. Advertising and sponsored content are always clearly marked and are never allowed to influence our journalism.',
      '## Corrections policy',
      'When we get something wrong, we put it right as quickly as possible. Significant corrections are noted at the foot of the article, explaining what was changed and when. We do not quietly edit mistakes out of published stories.',
      'If you believe we have made an error, please email corrections@broadsheet.example with a link to the article and details of the problem. We aim to respond to every correction request within two working days.',
    ],
  },
  {
    slug: 'contact',
    title: 'Contact',
    body: [
      'We want to hear from you. Whether you have a story, spotted a mistake or want to advertise with us, here is how to reach the right person in the newsroom.',
      '## News tips',
      'If something is happening in Harbourton that you think we should know about, email newsdesk@broadsheet.example or call the newsdesk on 01632 960 481. The desk is staffed from 7am to 10pm every day. If you need to share information confidentially, say so in your first message and an editor will contact you to discuss how to do that safely.',
      '## Corrections',
      'To report an error in one of our stories, email corrections@broadsheet.example with a link to the article and a short explanation. Corrections are handled by a senior editor who was not involved in the original story.',
      '## Letters and feedback',
      'Letters for publication should be sent to letters@broadsheet.example and include your full name and the area of the city where you live. Letters may be edited for length and clarity.',
      '## Advertising',
      'For display advertising, sponsorship and classified notices, email advertising@broadsheet.example or call 01632 960 482 during office hours, Monday to Friday.',
      '## Visit us',
      'The Broadsheet Gazette, 14 Ropewalk Lane, Harbourton. Our front desk is open from 9am to 5pm on weekdays.',
    ],
  },
]
